import { describe, expect, it } from 'vitest';
import { reminderKind } from '../../shared/reminders/kinds';
import type { ReminderTitleInput } from '../../shared/reminders/kind';

const input = (language: ReminderTitleInput['language'], customerName: string | null): ReminderTitleInput => ({
  language,
  customerName,
  customer: null,
  facts: {},
  note: '打電話問豆子',
  format: { money: (minor) => String(minor / 100), day: (day) => day },
});

describe('a reminder a person wrote', () => {
  it('reads as the customer’s name and the note, with the colon of the language; the note alone for no one', () => {
    const custom = reminderKind('custom')!;
    expect(custom.title(input('en', 'Shi Ling'))).toBe('Shi Ling: 打電話問豆子');
    expect(custom.title(input('zh-Hant', '施玲'))).toBe('施玲：打電話問豆子');
    expect(custom.title(input('zh-Hans', '施玲'))).toBe('施玲：打電話問豆子');
    expect(custom.title(input('zh-Hant', null))).toBe('打電話問豆子');
  });
});
