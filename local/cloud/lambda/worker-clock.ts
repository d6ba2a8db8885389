import type { LocalClock } from '../local-clock.js';

/**
 * The local cloud's clock in shared memory, for functions' worker threads: `[1, virtual − wall]` while the
 * clock runs, `[0, virtual now]` while it is frozen, rewritten whenever the clock moves. A worker's `Date`
 * reads it (see the function worker), so a handler sees the same time as the machines and the bus.
 */
export class WorkerClock {
  readonly buffer = new SharedArrayBuffer(16);
  readonly #view = new BigInt64Array(this.buffer);
  readonly #clock: LocalClock;
  readonly #stop: () => void;

  constructor(clock: LocalClock) {
    this.#clock = clock;
    Atomics.store(this.#view, 0, clock.running ? 1n : 0n);
    this.#sync();
    this.#stop = clock.onMove(() => this.#sync());
  }

  #sync(): void {
    const now = this.#clock.now();
    Atomics.store(this.#view, 1, BigInt(Math.round(this.#clock.running ? now - Date.now() : now)));
  }

  /** Stops following the clock. */
  close(): void {
    this.#stop();
  }
}
