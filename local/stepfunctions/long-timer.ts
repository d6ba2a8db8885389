/** Schedules `fire` after `delayMs` and returns the function that cancels it (tests pass a hand-moved one). */
export type CallbackTimer = (fire: () => void, delayMs: number) => () => void;

/** The longest delay `setTimeout` honours (~24.8 days); a longer one fires at once. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * `setTimeout` for delays of any length (chained timers). Returns the function that cancels it; the local
 * service cancels every timer when a callback settles or the service shuts down.
 *
 * @example
 * ```ts
 * const cancel = setLongTimeout(() => expire(), 30 * 24 * 3_600_000);
 * ```
 */
export function setLongTimeout(fire: () => void, delayMs: number): () => void {
  let handle: NodeJS.Timeout | undefined;
  const arm = (remaining: number): void => {
    const step = Math.min(Math.max(remaining, 0), MAX_TIMER_MS);
    handle = setTimeout(() => (remaining > MAX_TIMER_MS ? arm(remaining - MAX_TIMER_MS) : fire()), step);
  };
  arm(delayMs);
  return () => clearTimeout(handle);
}
