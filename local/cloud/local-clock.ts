import { AgentbridgeError } from '../../lambdas/contracts/agentbridge-error.js';
import type { Clock } from '../../lambdas/contracts/clock.js';
import { type CallbackTimer, setLongTimeout } from '../stepfunctions/long-timer.js';

/** A duration given to the clock that is not `<number><unit>…` (units ms, s, m, h, d). */
export class InvalidDurationError extends AgentbridgeError {
  override readonly name = 'InvalidDurationError';

  constructor(readonly text: string) {
    super('INVALID_DURATION', `not a duration: "${text}" (write e.g. 90s, 15m, 2h, 3d or 1d12h)`);
  }
}

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;

/**
 * Milliseconds of a duration written `<number><unit>` one or more times (`500ms`, `90s`, `15m`, `1d12h`).
 *
 * @example
 * ```ts
 * parseDuration('1d12h'); // 129_600_000
 * ```
 */
export function parseDuration(text: string): number {
  const compact = text.trim();
  if (!DURATION.test(compact)) throw new InvalidDurationError(text);
  let total = 0;
  for (const [, amount, unit] of compact.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) {
    total += Number(amount) * (UNIT_MS[unit ?? ''] ?? 0);
  }
  return total;
}

interface Armed {
  readonly at: number;
  readonly fire: () => void;
  readonly cancelReal: () => void;
  /** The wall time before which `advance` does not fire it (a deadline on running work): see `scheduleRunning`. */
  readonly notBeforeWallMs?: number;
  /** Settles when the deadline is cancelled, so an `advance` waiting for its wall time stops waiting. */
  readonly cancelled?: Promise<void>;
}

/**
 * The local cloud's virtual clock: a {@link Clock} whose time tests (and operators of a running local cloud)
 * move forward, and a {@link CallbackTimer} (`schedule`) whose deadlines fire when that time reaches them, so a
 * lifecycle wait of days, a retry a minute away or a heartbeat deadline passes in a test at once. Frozen by
 * default (time moves only by `advance`); `running: true` lets it flow with the wall clock too, `advance`
 * then jumping it ahead, as a long-running local cloud needs.
 *
 * @example
 * ```ts
 * const clock = new LocalClock({ start: Date.UTC(2026, 0, 1) });
 * const sfn = new LocalStepFunctions({ lambda, events, clock, callbackTimer: clock.schedule });
 * await clock.advance('1d'); // every deadline within the day fires, earliest first
 * ```
 */
export class LocalClock implements Clock {
  readonly #running: boolean;
  /** Virtual time minus wall time (running), or the virtual time itself (frozen). */
  #base: number;
  #next = 0;
  readonly #armed = new Map<number, Armed>();
  readonly #moveListeners = new Set<() => void>();

  constructor(options: { readonly start?: number; readonly running?: boolean } = {}) {
    this.#running = options.running ?? false;
    const start = options.start ?? Date.now();
    this.#base = this.#running ? start - Date.now() : start;
  }

  now(): number {
    return this.#running ? Date.now() + this.#base : this.#base;
  }

  /** Whether time flows with the wall clock between advances (else it is frozen). */
  get running(): boolean {
    return this.#running;
  }

  /**
   * Calls `listener` each time `advance` moves time (the places where `now()` jumps), so a copy of this clock
   * elsewhere (a function's worker thread) can follow; returns the function that stops it.
   */
  onMove(listener: () => void): () => void {
    this.#moveListeners.add(listener);
    return () => this.#moveListeners.delete(listener);
  }

  /** Arms `fire` at `delayMs` from now on this clock; returns the function that cancels it. */
  readonly schedule: CallbackTimer = (fire, delayMs) => this.#arm(fire, delayMs, false);

  /**
   * Arms the deadline of work that is running now — a function invocation's timeout — at `delayMs` from now on
   * this clock, which fires only once the work has also had `delayMs` of wall time. Time an `advance` moves is
   * time the system waited through, not time the work ran: a lifecycle's week-long wait that ends mid-advance
   * starts a compensation whose invocation must not time out because the advance carries on to the next day.
   * `advance` waits (in wall time) for such work to end or to run out its time before it moves past it.
   */
  readonly scheduleRunning: CallbackTimer = (fire, delayMs) => this.#arm(fire, delayMs, true);

  #arm(fire: () => void, delayMs: number, running: boolean): () => void {
    const id = this.#next++;
    const delay = Math.max(0, delayMs);
    const cancelReal = this.#running ? setLongTimeout(() => this.#fire(id), delay) : () => undefined;
    let settleCancelled = (): void => undefined;
    const runningWork = running
      ? {
          notBeforeWallMs: Date.now() + delay,
          cancelled: new Promise<void>((resolve) => {
            settleCancelled = resolve;
          }),
        }
      : {};
    this.#armed.set(id, { at: this.now() + delay, fire, cancelReal, ...runningWork });
    return () => {
      this.#armed.get(id)?.cancelReal();
      this.#armed.delete(id);
      settleCancelled();
    };
  }

  /** A promise settled when this clock has moved `ms` on. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => void this.schedule(resolve, ms));
  }

  /** How many deadlines are armed and not yet fired or cancelled. */
  get armed(): number {
    return this.#armed.size;
  }

  /**
   * Moves time on by `duration` (milliseconds or text such as `3d`), firing each deadline reached, earliest
   * first (in arming order on a tie), with `now()` at that deadline; between two, the promises a fired
   * deadline settled get to run, so one that arms another within the span sees it fire too. A deadline armed
   * by `scheduleRunning` is reached only once its work ended or had its time on the wall clock too.
   */
  async advance(duration: number | string): Promise<void> {
    const ms = typeof duration === 'number' ? duration : parseDuration(duration);
    if (!Number.isFinite(ms) || ms < 0) throw new InvalidDurationError(String(duration));
    const until = this.now() + ms;
    for (;;) {
      const due = [...this.#armed.entries()]
        .filter(([, timer]) => timer.at <= until)
        .sort(([a, x], [b, y]) => x.at - y.at || a - b)[0];
      if (due === undefined) break;
      const waitWallMs = (due[1].notBeforeWallMs ?? 0) - Date.now();
      if (waitWallMs > 0) {
        // Running work: let it end (cancelling its deadline) or run out its time, then look again.
        await Promise.race([due[1].cancelled, new Promise((resolve) => setTimeout(resolve, waitWallMs))]);
        continue;
      }
      this.#moveTo(due[1].at);
      this.#fire(due[0]);
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.#moveTo(until);
  }

  #moveTo(time: number): void {
    this.#base = this.#running ? time - Date.now() : time;
    for (const listener of this.#moveListeners) listener();
  }

  #fire(id: number): void {
    const timer = this.#armed.get(id);
    if (timer === undefined) return;
    this.#armed.delete(id);
    timer.cancelReal();
    timer.fire();
  }
}
