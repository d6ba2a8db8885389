import { describe, expect, it, vi } from 'vitest';
import { SingleFlight } from '../../../../lambdas/stores/cache/single-flight.js';

describe('SingleFlight', () => {
  it('shares one run between concurrent callers of a key and forgets it once settled', async () => {
    const flights = new SingleFlight<string, number>();
    const work = vi.fn(async () => 7);
    const first = flights.run('k', work);
    const second = flights.run('k', work);
    expect([first.joined, second.joined]).toEqual([false, true]);
    expect(await Promise.all([first.promise, second.promise])).toEqual([7, 7]);
    expect(work).toHaveBeenCalledTimes(1);
    expect(flights.size).toBe(0);
  });

  it('settles and forgets a run whose work throws synchronously', async () => {
    const flights = new SingleFlight<string, number>();
    const { promise } = flights.run('k', () => {
      throw new Error('boom');
    });
    await expect(promise).rejects.toThrow('boom');
    expect(flights.size).toBe(0);
    expect(await flights.run('k', async () => 1).promise).toBe(1);
  });

  it('tells a detached run it is no longer current and lets a new run start beside it', async () => {
    const flights = new SingleFlight<string, boolean>();
    let finish = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const old = flights.run('k', async (isCurrent) => {
      await gate;
      return isCurrent();
    });
    flights.detach('k');
    const next = flights.run('k', async (isCurrent) => isCurrent());
    expect(next.joined).toBe(false);
    finish();
    expect(await old.promise).toBe(false);
    expect(await next.promise).toBe(true);
    expect(flights.size).toBe(0);
  });
});
