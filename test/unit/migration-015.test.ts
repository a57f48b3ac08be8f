import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { bookPath } from '../../electron/core/paths';
import { tempDir } from '../support/core';

describe('migration 015: value model fits and predictions', () => {
  it('keeps every customer’s tier and gives them empty predictions until the first fit', () => {
    const dir = tempDir();
    const db = openDatabase(bookPath(dir));
    migrate(db, () => '', migrations.filter((migration) => migration.version < 15));
    db.prepare("INSERT INTO customers (id, name, name_key, created_at, updated_at, last_seen_at) VALUES ('c1', 'Ada', 'ada', 'x', 'x', 'x')").run();
    db.prepare(
      "INSERT INTO customer_loyalty (customer_id, revenue_12m_minor, visits_12m, money_tier, points, tier, satisfaction, loyalty, computed_at) VALUES ('c1', 48000, 3, 'major', 0, 'major', NULL, 0.4, 'x')",
    ).run();
    db.close();
    const { db: upgraded } = openBook(dir, { now: () => new Date('2026-12-05T00:00:00Z') });
    expect(upgraded.prepare('SELECT tier, revenue_12m_minor, value_probability_alive, value_lifetime_minor FROM customer_loyalty').get()).toEqual({
      tier: 'major',
      revenue_12m_minor: 48000,
      value_probability_alive: null,
      value_lifetime_minor: null,
    });
    expect(() => upgraded.prepare('UPDATE customer_loyalty SET value_probability_alive = 1.5').run()).toThrow(/CHECK/);
    const insertFit = upgraded.prepare(
      "INSERT INTO value_model_fits (id, fitted_at, basis, simple_because, customers, repeat_customers, fitted_on, parameters_json, horizon_years, annual_discount_rate, duration_ms) VALUES (?, 'x', ?, ?, 10, 2, 0, '{}', 3, 0, 5)",
    );
    insertFit.run('f1', 'simple', 'few_repeat_customers');
    // A simple estimate always says why; a model fit never does.
    expect(() => insertFit.run('f2', 'simple', null)).toThrow(/CHECK/);
    expect(() => insertFit.run('f3', 'model', 'fit_failed')).toThrow(/CHECK/);
    upgraded.close();
  });
});
