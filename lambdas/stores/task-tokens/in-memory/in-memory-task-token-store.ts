import { TaskTokenNotFoundError } from '../task-token-error.js';
import { assertOrderId, assertTokenKey, isLive, validateTaskTokenPut } from '../task-token-input.js';
import type { AwaitedTrigger, TaskTokenPut, TaskTokenStore } from '../task-token-store.js';

export interface InMemoryTaskTokenStoreOptions {
  /** Epoch milliseconds; inject a fake clock to test expiry without waiting. */
  readonly now?: () => number;
}

interface StoredToken {
  readonly token: string;
  readonly expiresAt: number;
}

/** DynamoDB orders sort keys by UTF-8 bytes; JS string comparison uses UTF-16 units, which differs above U+FFFF. */
const byUtf8 = (a: string, b: string): number =>
  Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/**
 * Task tokens in a Map with the DynamoDB adapter's semantics: same validation, expiry checked on every read,
 * take atomic (no `await` between the check and the delete), so of two concurrent takes exactly one wins.
 *
 * @example
 * ```ts
 * const store = new InMemoryTaskTokenStore();
 * await store.put({ orderId: 'o-1', trigger: 'Paid', token: 'tok', ttlSeconds: 60 });
 * ```
 */
export class InMemoryTaskTokenStore implements TaskTokenStore {
  readonly #orders = new Map<string, Map<string, StoredToken>>();
  readonly #now: () => number;

  constructor(options: InMemoryTaskTokenStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
  }

  async put(entry: TaskTokenPut): Promise<void> {
    const expiresAt = validateTaskTokenPut(entry, this.#now());
    const triggers = this.#orders.get(entry.orderId) ?? new Map<string, StoredToken>();
    triggers.set(entry.trigger, { token: entry.token, expiresAt });
    this.#orders.set(entry.orderId, triggers);
  }

  async take(orderId: string, trigger: string): Promise<string> {
    assertTokenKey(orderId, trigger);
    const triggers = this.#orders.get(orderId);
    const stored = triggers?.get(trigger);
    if (stored === undefined || !isLive(stored.expiresAt, this.#now())) {
      throw new TaskTokenNotFoundError(
        orderId,
        trigger,
        this.#awaited(orderId).map((awaited) => awaited.trigger),
      );
    }
    triggers?.delete(trigger);
    if (triggers?.size === 0) this.#orders.delete(orderId);
    return stored.token;
  }

  async peek(orderId: string): Promise<AwaitedTrigger[]> {
    assertOrderId(orderId);
    return this.#awaited(orderId);
  }

  #awaited(orderId: string): AwaitedTrigger[] {
    const now = this.#now();
    return [...(this.#orders.get(orderId) ?? new Map<string, StoredToken>()).entries()]
      .filter(([, stored]) => isLive(stored.expiresAt, now))
      .sort(([a], [b]) => byUtf8(a, b))
      .map(([trigger, stored]) => ({ trigger, expiresAt: stored.expiresAt }));
  }
}
