import type { FencedResource, FencedValue } from '../fenced-resource-port.js';
import { acceptsFencingToken } from '../fenced-write-condition.js';
import { StaleFencingTokenError } from '../lock-error.js';

/**
 * A fenced resource in process memory: the in-memory equivalent of a DynamoDB write guarded by
 * `fencedWriteCondition`, with exactly the same accept rule (`acceptsFencingToken`).
 *
 * @example
 * ```ts
 * const records = new InMemoryFencedResource();
 * await records.write('stock/sku-1', lock.fencingToken, '7');
 * ```
 */
export class InMemoryFencedResource implements FencedResource {
  readonly #values = new Map<string, FencedValue>();

  async write(name: string, fencingToken: number, value: string): Promise<void> {
    const last = this.#values.get(name)?.lastFencingToken;
    if (!acceptsFencingToken(last, fencingToken)) throw new StaleFencingTokenError(name, fencingToken, last);
    this.#values.set(name, { value, lastFencingToken: fencingToken });
  }

  async read(name: string): Promise<FencedValue | undefined> {
    return this.#values.get(name);
  }
}
