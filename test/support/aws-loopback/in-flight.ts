/**
 * Counts deliveries still running in the loopback (asynchronous EventBridge deliveries and invokes whose caller
 * may have stopped waiting), so a test can wait until a cascade has drained.
 */
export class InFlight {
  #count = 0;
  #waiters: Array<() => void> = [];

  /** Tracks `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.#count++;
    const done = (): void => {
      if (--this.#count > 0) return;
      const waiters = this.#waiters;
      this.#waiters = [];
      for (const resolve of waiters) resolve();
    };
    work.then(done, done);
    return work;
  }

  /** Resolves once nothing is running; work started by running work is counted before it finishes. */
  idle(): Promise<void> {
    if (this.#count === 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }
}
