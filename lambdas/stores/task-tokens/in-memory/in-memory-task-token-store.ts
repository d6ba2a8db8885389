import { type Clock, systemClock } from '../../../contracts/clock.js';
import {
  assertEventId,
  assertOrderId,
  assertToken,
  assertTokenKey,
  isLive,
  itemKey,
  kindOfKey,
  validateTaskTokenPut,
  validateTriggerRecord,
  validateWaitClaim,
} from '../task-token-input.js';
import type {
  AwaitedTrigger,
  OrderTriggers,
  ParkedWait,
  RecordedTrigger,
  TaskTokenPut,
  TaskTokenStore,
  TriggerRecord,
  WaitClaim,
  WaitClaimPut,
} from '../task-token-store.js';

export interface InMemoryTaskTokenStoreOptions {
  /** Judges expiry; inject a fake clock to test expiry without waiting. Default: the wall clock. */
  readonly clock?: Clock;
}

type Item =
  | { readonly kind: 'wait'; readonly value: ParkedWait }
  | { readonly kind: 'inbox'; readonly value: RecordedTrigger }
  | { readonly kind: 'claim'; readonly value: WaitClaim };

/** DynamoDB orders sort keys by UTF-8 bytes; JS string comparison uses UTF-16 units, which differs above U+FFFF. */
const byUtf8 = (a: string, b: string): number =>
  Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/**
 * Task tokens, recorded triggers and claims in a Map with the DynamoDB adapter's semantics: the same keys
 * and validation, expiry checked on every read and condition, and every conditional write atomic (no `await`
 * between the check and the write), so of two racing claims or records exactly one wins.
 *
 * @example
 * ```ts
 * const store = new InMemoryTaskTokenStore();
 * await store.put({ orderId: 'o-1', trigger: 'Paid', state: 'created', token: 'tok', ttlSeconds: 60 });
 * ```
 */
export class InMemoryTaskTokenStore implements TaskTokenStore {
  readonly #orders = new Map<string, Map<string, Item>>();
  readonly #clock: Clock;

  constructor(options: InMemoryTaskTokenStoreOptions = {}) {
    this.#clock = options.clock ?? systemClock;
  }

  async put(entry: TaskTokenPut): Promise<void> {
    const expiresAt = validateTaskTokenPut(entry, this.#clock.now());
    const { trigger, state, token } = entry;
    this.#items(entry.orderId).set(itemKey.wait(trigger), {
      kind: 'wait',
      value: { trigger, state, token, expiresAt },
    });
  }

  async peek(orderId: string): Promise<AwaitedTrigger[]> {
    return (await this.read(orderId)).waits.map(({ trigger, expiresAt }) => ({ trigger, expiresAt }));
  }

  async read(orderId: string): Promise<OrderTriggers> {
    assertOrderId(orderId);
    const waits: ParkedWait[] = [];
    const inbox: RecordedTrigger[] = [];
    const claims: WaitClaim[] = [];
    const entries = [...(this.#orders.get(orderId) ?? new Map<string, Item>()).entries()];
    for (const [, item] of entries.sort(([a], [b]) => byUtf8(a, b))) {
      if (!isLive(item.value.expiresAt, this.#clock.now())) continue;
      if (item.kind === 'wait') waits.push(item.value);
      else if (item.kind === 'inbox') inbox.push(item.value);
      else claims.push(item.value);
    }
    return { waits, inbox, claims };
  }

  async remove(orderId: string, trigger: string, token: string): Promise<boolean> {
    assertTokenKey(orderId, trigger);
    assertToken(token);
    // Like the DynamoDB condition, expiry does not matter: an item holding this token may always go.
    const item = this.#orders.get(orderId)?.get(itemKey.wait(trigger));
    if (item?.kind !== 'wait' || item.value.token !== token) return false;
    this.#delete(orderId, itemKey.wait(trigger));
    return true;
  }

  async record(entry: TriggerRecord): Promise<RecordedTrigger> {
    const expiresAt = validateTriggerRecord(entry, this.#clock.now());
    const key = itemKey.inbox(entry.trigger);
    const existing = this.#live(entry.orderId, key);
    if (existing?.kind === 'inbox') return existing.value;
    const value = { trigger: entry.trigger, eventId: entry.eventId, signal: entry.signal, expiresAt };
    this.#items(entry.orderId).set(key, { kind: 'inbox', value });
    return value;
  }

  async discard(orderId: string, trigger: string, eventId: string): Promise<boolean> {
    assertTokenKey(orderId, trigger);
    assertEventId(eventId);
    const item = this.#orders.get(orderId)?.get(itemKey.inbox(trigger));
    if (item?.kind !== 'inbox' || item.value.eventId !== eventId) return false;
    this.#delete(orderId, itemKey.inbox(trigger));
    return true;
  }

  async claim(entry: WaitClaimPut): Promise<WaitClaim> {
    const expiresAt = validateWaitClaim(entry, this.#clock.now());
    const key = itemKey.claim(entry.token);
    const existing = this.#live(entry.orderId, key);
    if (existing?.kind === 'claim') return existing.value;
    const value = { token: entry.token, trigger: entry.trigger, eventId: entry.eventId, expiresAt };
    this.#items(entry.orderId).set(key, { kind: 'claim', value });
    return value;
  }

  #items(orderId: string): Map<string, Item> {
    const items = this.#orders.get(orderId) ?? new Map<string, Item>();
    this.#orders.set(orderId, items);
    return items;
  }

  #live(orderId: string, key: string): Item | undefined {
    const item = this.#orders.get(orderId)?.get(key);
    return item !== undefined &&
      item.kind === kindOfKey(key) &&
      isLive(item.value.expiresAt, this.#clock.now())
      ? item
      : undefined;
  }

  #delete(orderId: string, key: string): void {
    const items = this.#orders.get(orderId);
    items?.delete(key);
    if (items?.size === 0) this.#orders.delete(orderId);
  }
}
