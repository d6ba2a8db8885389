import type { CallbackTimer } from '../../local/stepfunctions/long-timer.js';

/**
 * Timers that fire only when a test moves time (`advance`), in deadline order: deadlines scaled down to a
 * few milliseconds race a loaded machine, these never do. `schedule` is a {@link CallbackTimer}.
 *
 * @example
 * const timers = new ManualTimers();
 * const sfn = new LocalStepFunctions({ lambda, events, callbackTimer: timers.schedule });
 * await timers.advance(86_400_000); // a day passes for every armed deadline
 */
export class ManualTimers {
  #now = 0;
  #next = 0;
  readonly #armed = new Map<number, { at: number; fire: () => void }>();

  readonly schedule: CallbackTimer = (fire, delayMs) => {
    const id = this.#next++;
    this.#armed.set(id, { at: this.#now + Math.max(0, delayMs), fire });
    return () => this.#armed.delete(id);
  };

  /** How many deadlines are armed and not yet fired or cancelled. */
  get armed(): number {
    return this.#armed.size;
  }

  /**
   * Moves time on by `ms`, firing each deadline reached, earliest first; between two, the promises a fired
   * deadline settled get to run (a timeout's Catch path may arm or cancel others).
   */
  async advance(ms: number): Promise<void> {
    const until = this.#now + ms;
    for (;;) {
      const due = [...this.#armed.entries()]
        .filter(([, timer]) => timer.at <= until)
        .sort(([a, x], [b, y]) => x.at - y.at || a - b)[0];
      if (due === undefined) break;
      const [id, timer] = due;
      this.#armed.delete(id);
      this.#now = timer.at;
      timer.fire();
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.#now = until;
  }
}
