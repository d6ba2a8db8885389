import { AgentbridgeError } from '../contracts/agentbridge-error.js';

/**
 * A store's backend failed (throttling, a network fault, a transaction that kept conflicting, missing
 * permissions): transient, a later attempt of the same operation can succeed. Every store adapter raises it,
 * naming itself in `store` (`payments`, `agent-state`, …), the failed call in `operation` and, where it helps,
 * the item or stream in `key`; the backend's error is the `cause`.
 *
 * @example
 * ```ts
 * try { await client.send(command); } catch (error) {
 *   throw new StoreUnavailableError('payments', 'recordCharge', { cause: error });
 * }
 * ```
 */
export class StoreUnavailableError extends AgentbridgeError {
  override readonly name = 'StoreUnavailableError';
  readonly store: string;
  readonly operation: string;
  readonly key: string | undefined;

  constructor(store: string, operation: string, options?: { cause?: unknown; key?: string }) {
    const on = options?.key === undefined ? '' : ` on "${options.key}"`;
    super('STORE_UNAVAILABLE', `${store} store: ${operation}${on} failed: ${String(options?.cause)}`, {
      cause: options?.cause,
      transient: true,
    });
    this.store = store;
    this.operation = operation;
    this.key = options?.key;
  }
}

/**
 * A stored item does not have the shape the store writes (edited by hand, or written by something else). Not
 * transient: a repeat reads the same item. `key` names the item, `detail` what is wrong with it.
 *
 * @example
 * ```ts
 * if (typeof item.status !== 'string') throw new CorruptItemError('payments', sagaId, '"status" is not a string');
 * ```
 */
export class CorruptItemError extends AgentbridgeError {
  override readonly name = 'CorruptItemError';
  readonly store: string;
  readonly key: string;
  readonly detail: string;

  constructor(store: string, key: string, detail: string, options?: { cause?: unknown }) {
    super('CORRUPT_ITEM', `${store} item ${key} is corrupt: ${detail}`, options);
    this.store = store;
    this.key = key;
    this.detail = detail;
  }
}
