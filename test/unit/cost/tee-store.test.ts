import { describe, expect, it } from 'vitest';
import { type TeeMismatch, teeStore } from '../../../local/cost/tee-store.js';

class Counter {
  value = 0;
  async add(n: number): Promise<number> {
    this.value += n;
    return this.value;
  }
  async fail(): Promise<never> {
    throw new Error('primary refuses');
  }
}

describe('teeStore', () => {
  it('answers with the primary and repeats each call on the shadow before the caller resumes', async () => {
    const primary = new Counter();
    const shadow = new Counter();
    const tee = teeStore('counter', primary, shadow, []);
    await expect(tee.add(2)).resolves.toBe(2);
    expect(shadow.value).toBe(2);
  });

  it('records a shadow that fails where the primary succeeded, without failing the caller', async () => {
    const mismatches: TeeMismatch[] = [];
    const shadow = { add: async () => Promise.reject(new Error('condition failed')) };
    const tee = teeStore('counter', new Counter(), shadow, mismatches);
    await expect(tee.add(1)).resolves.toBe(1);
    expect(mismatches).toEqual([{ store: 'counter', method: 'add', error: new Error('condition failed') }]);
  });

  it('passes the primary error on and records nothing when both refuse', async () => {
    const mismatches: TeeMismatch[] = [];
    const tee = teeStore('counter', new Counter(), new Counter(), mismatches);
    await expect(tee.fail()).rejects.toThrow('primary refuses');
    expect(mismatches).toEqual([]);
  });
});
