/** The deliveries a mapping has under way, so a caller that moved the clock can wait for them to settle. */
export class InFlight {
  readonly #running = new Set<Promise<unknown>>();

  /** Runs `work`, counted as in flight until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.#running.add(work);
    const forget = () => this.#running.delete(work);
    work.then(forget, forget);
    return work;
  }

  /**
   * Resolves once nothing is in flight: first a turn of the event loop, so pollers a clock deadline just
   * woke have taken their messages, then until every delivery (and any it led to) has settled.
   */
  async settled(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#running.size > 0) {
      await Promise.allSettled([...this.#running]);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
