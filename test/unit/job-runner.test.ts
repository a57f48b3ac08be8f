import { describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../electron/core/events';
import { JobRunner } from '../../electron/core/jobs/runner';

/** Each job kind here ends when the test says so: the runner's turn-taking is what is tested, not the jobs. */
const gates = new Map<string, () => void>();
const started: string[] = [];
vi.mock('../../electron/core/jobs/table', () => {
  const gated = (kind: string) => async () => {
    started.push(kind);
    await new Promise<void>((resolve) => gates.set(kind, resolve));
    return { ok: true, value: kind };
  };
  // A job that leaves work for after its answer, then fails.
  const failing = async (_input: unknown, job: { afterwards: (work: () => void) => void }) => {
    job.afterwards(() => started.push('export: afterwards'));
    started.push('export');
    throw new Error('the export failed');
  };
  return { jobTable: { 'value-fit': gated('value-fit'), recompute: gated('recompute'), 'import-commit': gated('import-commit'), backup: gated('backup'), export: failing } };
});

const input = {} as never;
const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
};
const release = async (kind: string) => {
  await until(() => gates.has(kind));
  gates.get(kind)?.();
  gates.delete(kind);
};

describe('the job runner takes turns', () => {
  it('lets a job someone started wait for a background job instead of refusing it', async () => {
    started.length = 0;
    const runner = new JobRunner(new EventBus(), {});
    const fit = runner.run('value-fit', input, { cancellable: false, background: true });
    const commit = runner.run('import-commit', input, { cancellable: true, writes: true });
    await until(() => started.length > 0);
    expect(started).toEqual(['value-fit']);
    expect(runner.list().map((job) => job.kind)).toEqual(['value-fit', 'import-commit']);

    // Another job someone starts while the first one waits is refused: one at a time.
    expect(await runner.run('backup', input, { cancellable: false })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', details: { reason: 'job_running' } } });

    await release('value-fit');
    expect(await fit).toEqual({ ok: true, value: 'value-fit' });
    await release('import-commit');
    expect(await commit).toEqual({ ok: true, value: 'import-commit' });
    expect(started).toEqual(['value-fit', 'import-commit']);
    expect(runner.busy).toBe(false);
  });

  it('does the work a job left for afterwards as the job ends inline, however it ended', async () => {
    started.length = 0;
    const runner = new JobRunner(new EventBus(), {});
    await expect(runner.run('export', input, { cancellable: false })).rejects.toThrow('the export failed');
    expect(started).toEqual(['export', 'export: afterwards']);
    expect(runner.busy).toBe(false);
  });

  it('refuses a background job while anything holds the runner, so its scheduler tries later', async () => {
    started.length = 0;
    const runner = new JobRunner(new EventBus(), {});
    const commit = runner.run('import-commit', input, { cancellable: true, writes: true });
    const refused = await runner.run('recompute', input, { cancellable: false, writes: true, background: true });
    expect(refused.ok).toBe(false);
    await release('import-commit');
    await commit;

    const reservation = await runner.reserve();
    expect((await runner.run('value-fit', input, { cancellable: false, background: true })).ok).toBe(false);
    reservation?.release();
    expect(started).toEqual(['import-commit']);
  });

  it('reserves the runner for a compound task once the background job has ended', async () => {
    started.length = 0;
    const runner = new JobRunner(new EventBus(), {});
    const fit = runner.run('value-fit', input, { cancellable: false, background: true });
    let reserved = false;
    const reservation = runner.reserve().then((held) => {
      reserved = true;
      return held;
    });
    await until(() => started.length > 0);
    expect(reserved).toBe(false);
    await release('value-fit');
    await fit;
    const held = await reservation;
    expect(held).not.toBeNull();
    expect(await runner.reserve()).toBeNull();
    held?.release();
  });
});
