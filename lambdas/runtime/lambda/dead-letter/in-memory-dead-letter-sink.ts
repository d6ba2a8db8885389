import type { DeadLetterRecord } from '../../../contracts/dead-letter-record.js';
import type { DeadLetterSink } from './dead-letter-sink.js';

/**
 * Dead letters in an array, for tests and the in-process demo. Records are copied through JSON, as they would
 * be on a queue, so later changes to the input object do not show up in them.
 *
 * @example
 * ```ts
 * const deadLetters = new InMemoryDeadLetterSink();
 * // … invoke the handler with bad input …
 * deadLetters.records()[0]?.reason; // 'schema-violation'
 * ```
 */
export class InMemoryDeadLetterSink implements DeadLetterSink {
  readonly #records: DeadLetterRecord[] = [];

  async record(record: DeadLetterRecord): Promise<void> {
    this.#records.push(JSON.parse(JSON.stringify(record)) as DeadLetterRecord);
  }

  records(): readonly DeadLetterRecord[] {
    return this.#records;
  }
}
