import { describe, expect, it } from 'vitest';
import { LockWakeBoard } from '../../../../lambdas/stores/locks/lock-wake-board.js';

describe('LockWakeBoard', () => {
  it('wakes a sleeping waiter of the released resource at once', async () => {
    const board = new LockWakeBoard();
    const subscription = board.subscribe('order/1');
    const started = Date.now();
    const woken = subscription.wait(10_000);
    board.wake('order/1');
    expect(await woken).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
    subscription.close();
  });

  it('keeps a wake-up that arrives between two waits', async () => {
    const board = new LockWakeBoard();
    const subscription = board.subscribe('order/1');
    board.wake('order/1');
    expect(await subscription.wait(10_000)).toBe(true);
    expect(await subscription.wait(1)).toBe(false);
    subscription.close();
  });

  it('does not wake waiters of other resources', async () => {
    const board = new LockWakeBoard();
    const subscription = board.subscribe('order/1');
    board.wake('order/2');
    expect(await subscription.wait(5)).toBe(false);
    subscription.close();
  });

  it('ends a pending wait when the subscription closes', async () => {
    const board = new LockWakeBoard();
    const subscription = board.subscribe('order/1');
    const waiting = subscription.wait(10_000);
    subscription.close();
    expect(await waiting).toBe(false);
  });
});
