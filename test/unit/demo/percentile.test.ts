import { describe, expect, it } from 'vitest';
import { isDemoError } from '../../../local/demo/demo-error.js';
import { percentile } from '../../../local/demo/percentile.js';

describe('percentile (nearest rank)', () => {
  it('gives the middle value as p50 of an odd count, whatever the input order', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
  });

  it('gives the lower middle value as p50 of an even count', () => {
    expect(percentile([40, 10, 30, 20], 50)).toBe(20);
  });

  it('gives the maximum as p99 of fewer than a hundred values', () => {
    expect(percentile([3, 9, 1, 7], 99)).toBe(9);
  });

  it('gives the 99th of 100 ranked values as p99', () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(values, 99)).toBe(99);
  });

  it('gives the minimum for p0 and the maximum for p100', () => {
    expect(percentile([2, 8, 5], 0)).toBe(2);
    expect(percentile([2, 8, 5], 100)).toBe(8);
  });

  it('answers undefined for no values', () => {
    expect(percentile([], 50)).toBeUndefined();
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it('rejects a percentile outside 0–100 with a typed error', () => {
    for (const p of [-1, 101, Number.NaN]) {
      const error = (() => {
        try {
          percentile([1], p);
        } catch (caught) {
          return caught;
        }
      })();
      expect(isDemoError(error) && error.code).toBe('INVALID_PERCENTILE');
    }
  });
});
