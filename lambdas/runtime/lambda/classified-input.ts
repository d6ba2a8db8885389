import type { InputKind } from '../../contracts/dead-letter-record.js';
import type { PublishDelivery, SendDelivery } from '../aws/inbound-delivery.js';

/** A delivery as parsed from the input, before the invocation gives it its abort signal. */
export type PendingDelivery<D> = Omit<D, 'signal'>;

/** What the input turned out to be, validated. A send carries its caller's deadline (epoch ms). */
export type ParsedInput =
  | { readonly kind: 'eventbridge'; readonly delivery: PendingDelivery<PublishDelivery> }
  | { readonly kind: 'send'; readonly delivery: PendingDelivery<SendDelivery>; readonly deadline: number }
  | { readonly kind: 'task'; readonly delivery: PendingDelivery<SendDelivery> };

/**
 * A Lambda input after parsing and validation. The parse middleware puts it in place of the raw event, so it
 * is what Powertools idempotency hashes. With no JMESPath configured Powertools hashes the payload's
 * enumerable fields, and the only one here is `idempotencyKey` (the message id `metadata.id` of an event or a
 * send, which for a bare EventBridge detail is the event id; the task's `id`): the key is exactly the id, and
 * no JMESPath expression is evaluated (Powertools builds a fresh interpreter for each evaluation, three per
 * invocation).
 */
export class ClassifiedInput {
  readonly idempotencyKey: string;
  readonly #parsed: ParsedInput;

  constructor(idempotencyKey: string, parsed: ParsedInput) {
    this.idempotencyKey = idempotencyKey;
    this.#parsed = parsed;
  }

  get parsed(): ParsedInput {
    return this.#parsed;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Which kind of input a decoded event is, from its shape alone: `agentbridge: "send"|"task"` marks direct
 * invokes; `detail-type` plus `detail` an EventBridge event.
 */
export function inputKind(input: unknown): InputKind {
  if (!isRecord(input)) return 'unknown';
  if (input.agentbridge === 'send') return 'send';
  if (input.agentbridge === 'task') return 'task';
  if ('detail-type' in input && 'detail' in input) return 'eventbridge';
  return 'unknown';
}
