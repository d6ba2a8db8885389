import type { Clock } from '../../lambdas/contracts/clock.js';
import type { JournalEntry, LocalJournal } from './local-cloud-ports.js';

/**
 * The journal of one local cloud, in memory, stamped with the cloud's (virtual) clock. `listen` lets the CLI
 * print a live trace as entries arrive.
 *
 * @example
 * ```ts
 * const journal = new InMemoryJournal(clock);
 * journal.record({ service: 'events', action: 'PutEvents', resource: 'orders', payload: JSON.stringify(event) });
 * journal.entries().filter((entry) => entry.payload.includes(orderId));
 * ```
 */
export class InMemoryJournal implements LocalJournal {
  readonly #clock: Clock;
  readonly #entries: JournalEntry[] = [];
  readonly #listeners = new Set<(entry: JournalEntry) => void>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  record(entry: Omit<JournalEntry, 'at'>): void {
    const stamped = { at: this.#clock.now(), ...entry };
    this.#entries.push(stamped);
    for (const listener of this.#listeners) listener(stamped);
  }

  entries(): readonly JournalEntry[] {
    return this.#entries;
  }

  /** Calls `listener` with every entry recorded from now on; returns the function that stops it. */
  listen(listener: (entry: JournalEntry) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
