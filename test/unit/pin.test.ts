import { describe, expect, it } from 'vitest';
import { formatRecoveryCode, normaliseRecoveryCode, pinProblem, waitSecondsAfter } from '../../shared/pin';

describe('the owner PIN rules', () => {
  it.each([
    ['2580', null],
    ['04172936', null],
    ['１３５７', null],
    ['blue teapot 42', null],
    ['123', 'invalid_pin'],
    ['123456789', 'invalid_pin'],
    ['short', 'invalid_pin'],
    ['', 'invalid_pin'],
    ['1234', 'weak_pin'],
    ['0000', 'weak_pin'],
    ['98765', 'weak_pin'],
    ['aaaaaaaa', 'weak_pin'],
  ])('%s → %s', (pin, problem) => {
    expect(pinProblem(pin)).toBe(problem);
  });

  it('makes the wait grow after three free attempts, doubling up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 10, 11, 50].map(waitSecondsAfter)).toEqual([0, 0, 0, 30, 60, 120, 240, 1920, 3600, 3600]);
  });

  it('reads a recovery code however it was copied', () => {
    expect(formatRecoveryCode('0123456789ABCDEFGHJK')).toBe('0123-4567-89AB-CDEF-GHJK');
    expect(normaliseRecoveryCode(' o123-4567-89ab-cdef-ghjk ')).toBe('0123456789ABCDEFGHJK');
    expect(normaliseRecoveryCode('ILil')).toBe('1111');
  });
});
