import { OrderStalledError } from './demo-error.js';

/**
 * Waits for `work`, or fails with {@link OrderStalledError} after `deadlineMs`, so one stuck order cannot
 * hang `npm start`. The timer is cleared either way (it never keeps the process alive).
 *
 * @example
 * ```ts
 * const saga = await withDeadline(target.waitForSaga('o-1'), 10_000, 'o-1', 'its saga to end');
 * ```
 */
export async function withDeadline<T>(
  work: Promise<T>,
  deadlineMs: number,
  orderId: string,
  waitingFor: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OrderStalledError(orderId, waitingFor)), deadlineMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
