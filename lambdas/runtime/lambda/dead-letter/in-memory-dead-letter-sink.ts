import type { DeadLetterRecord } from '../../../contracts/dead-letter-record.js';
import { deadLetterJson } from './dead-letter-json.js';
import type { DeadLetterSink } from './dead-letter-sink.js';

/**
 * Dead letters in an array, for tests and the in-process demo. Records are copied through JSON, as they would
 * be on a queue (an input that cannot be serialised is replaced by its size and SHA-256, as on SQS), so later
 * changes to the input object do not show up in them.
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
    this.#records.push(JSON.parse(deadLetterJson(record)) as DeadLetterRecord);
  }

  records(): readonly DeadLetterRecord[] {
    return this.#records;
  }
}
