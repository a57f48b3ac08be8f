import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../renderer/src/features/loyalty/nice-ticks';

describe('chart axis ticks', () => {
  it('step by round amounts of money or shares', () => {
    expect(niceTicks(10_000)).toEqual([0, 2500, 5000, 7500, 10_000]);
    expect(niceTicks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('count people and visits in whole numbers, however small the book', () => {
    expect(niceTicks(1, 4, true)).toEqual([0, 1]);
    expect(niceTicks(3, 4, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(10, 4, true)).toEqual([0, 5, 10]);
    expect(niceTicks(2000, 4, true)).toEqual([0, 500, 1000, 1500, 2000]);
    for (let max = 1; max <= 200; max += 1) expect(niceTicks(max, 4, true).every(Number.isInteger), `max ${max}`).toBe(true);
  });
});
