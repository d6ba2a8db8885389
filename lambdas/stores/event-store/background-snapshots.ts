import type { Logger } from '../../contracts/logger.js';

/**
 * Runs snapshot writes off the append path: `run` returns at once, failures go to the logger (a snapshot is
 * an optimisation — the stream still loads by replay, and the next boundary writes a fresh one).
 * `idle()` resolves once nothing is in flight (tests, benchmarks, graceful shutdown).
 *
 * @example
 * ```ts
 * const background = new BackgroundSnapshots(logger);
 * background.run({ streamId: 'user-1', version: 100 }, () => store.snapshot('user-1', users, 100));
 * await background.idle();
 * ```
 */
export class BackgroundSnapshots {
  readonly #logger: Logger;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  run(context: { readonly streamId: string; readonly version: number }, task: () => Promise<unknown>): void {
    const running: Promise<void> = Promise.resolve()
      .then(task)
      .then(
        () => undefined,
        (error: unknown) => {
          try {
            this.#logger.error('Background snapshot failed; the stream still loads by replay', {
              ...context,
              error,
            });
          } catch {
            // A broken logger must not turn into an unhandled rejection that crashes the process.
          }
        },
      )
      .finally(() => this.#inFlight.delete(running));
    this.#inFlight.add(running);
  }

  /** Resolves when every snapshot started so far (and any started meanwhile) has settled. */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
  }
}
