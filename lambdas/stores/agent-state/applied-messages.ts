import { CorruptItemError } from '../store-errors.js';
import { InvalidAgentStateError } from './agent-state-error.js';

/**
 * A message whose effect the stored state already holds, kept in the same item as the state and written by
 * the same conditional write: "state changed" and "message applied" cannot come apart. An event keeps its id
 * only; an rpc its reply too, so a redelivery is answered exactly as the first delivery was. A reply larger
 * than {@link MAX_RECORDED_REPLY_BYTES} keeps only its size (`reply-dropped`): its redelivery is refused with
 * a typed error rather than run a second time.
 */
export type AppliedMessage =
  | { readonly id: string; readonly kind: 'event' }
  | { readonly id: string; readonly kind: 'reply'; readonly reply?: unknown }
  | { readonly id: string; readonly kind: 'reply-dropped'; readonly replyBytes: number };

/**
 * How many applied messages an agent's item remembers: the last 32, by count, never by age (no TTL). A
 * redelivery is recognised as long as fewer than 32 other messages reached the same agent between its first
 * delivery and its redelivery. Redeliveries come from Lambda's async retries (two, about 1 and 2 minutes
 * later), EventBridge's at-least-once duplicates (seconds), a Step Functions task's Retry (the execution waits
 * for it, so it sends that agent nothing else meanwhile) and SDK retries of an invoke (milliseconds). An agent
 * keyed per entity (an order, an account) receives a handful of messages in such a window — an order's whole
 * life is about a dozen — so 32 covers it; an agent that takes more than 32 messages within minutes must be
 * keyed finer. 32 event ids are about 1.5 KB of the item, which every write pays for (1 WCU per KB).
 */
export const APPLIED_MESSAGES_KEPT = 32;

/** The largest rpc reply (UTF-8 bytes of its JSON) recorded for a redelivery; a larger one keeps its size only. */
export const MAX_RECORDED_REPLY_BYTES = 2 * 1024;

const MAX_MESSAGE_ID_BYTES = 128;
// `{"id":"…","kind":"reply-dropped","reply":…}` plus the separating comma: the JSON around one entry.
const ENTRY_OVERHEAD_BYTES = 48;

/** The most bytes the applied-message log of one item can take, reserved out of the item size limit. */
export const MAX_APPLIED_LOG_BYTES =
  2 + APPLIED_MESSAGES_KEPT * (MAX_MESSAGE_ID_BYTES + MAX_RECORDED_REPLY_BYTES + ENTRY_OVERHEAD_BYTES);

/**
 * The log entry for a message just handled: an event's id, or an rpc's id with its reply (or only the
 * reply's size when it is too large to keep).
 *
 * @example
 * ```ts
 * appliedMessage('m-1', 'rpc', { balance: 25 }); // { id: 'm-1', kind: 'reply', reply: { balance: 25 } }
 * ```
 */
export function appliedMessage(id: string, kind: 'event' | 'rpc', reply: unknown): AppliedMessage {
  if (kind === 'event') return { id, kind: 'event' };
  const json = JSON.stringify(reply);
  const replyBytes = json === undefined ? 0 : Buffer.byteLength(json, 'utf8');
  if (replyBytes > MAX_RECORDED_REPLY_BYTES) return { id, kind: 'reply-dropped', replyBytes };
  return json === undefined ? { id, kind: 'reply' } : { id, kind: 'reply', reply: JSON.parse(json) };
}

/**
 * The log after `entry` was applied: the entry last, the oldest entries beyond {@link APPLIED_MESSAGES_KEPT}
 * forgotten.
 */
export const withApplied = (
  log: readonly AppliedMessage[],
  entry: AppliedMessage,
): readonly AppliedMessage[] =>
  [...log.filter((old) => old.id !== entry.id), entry].slice(-APPLIED_MESSAGES_KEPT);

/** The log's entry for a message id, if the message is applied. */
export const findApplied = (log: readonly AppliedMessage[], id: string): AppliedMessage | undefined =>
  log.find((entry) => entry.id === id);

/** Checks a log before it is stored (length, ids, reply sizes) and returns its JSON text. */
export function encodeAppliedMessages(agentId: string, log: readonly AppliedMessage[]): string {
  if (log.length > APPLIED_MESSAGES_KEPT) {
    throw new InvalidAgentStateError(agentId, `at most ${APPLIED_MESSAGES_KEPT} applied messages are kept`);
  }
  for (const entry of log) {
    if (!isAppliedMessage(entry)) {
      throw new InvalidAgentStateError(agentId, 'an applied-message entry is malformed');
    }
  }
  const json = JSON.stringify(log);
  if (Buffer.byteLength(json, 'utf8') > MAX_APPLIED_LOG_BYTES) {
    throw new InvalidAgentStateError(
      agentId,
      `the applied-message log exceeds ${MAX_APPLIED_LOG_BYTES} bytes`,
    );
  }
  return json;
}

/** Parses a stored log; an item written before logs existed has none (an empty log). */
export function decodeAppliedMessages(agentId: string, json: unknown): readonly AppliedMessage[] {
  if (json === undefined) return [];
  let log: unknown;
  try {
    log = typeof json === 'string' ? JSON.parse(json) : undefined;
  } catch (error) {
    throw new CorruptItemError('agent-state', agentId, 'the applied-message log is not JSON', {
      cause: error,
    });
  }
  if (!Array.isArray(log) || !log.every(isAppliedMessage)) {
    throw new CorruptItemError('agent-state', agentId, 'the applied-message log is malformed');
  }
  return log;
}

const isAppliedMessage = (value: unknown): value is AppliedMessage => {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  if (typeof entry.id !== 'string' || entry.id === '') return false;
  if (Buffer.byteLength(entry.id, 'utf8') > MAX_MESSAGE_ID_BYTES) return false;
  if (entry.kind === 'event') return true;
  if (entry.kind === 'reply-dropped') return typeof entry.replyBytes === 'number';
  if (entry.kind !== 'reply') return false;
  const json = JSON.stringify(entry.reply);
  return json === undefined || Buffer.byteLength(json, 'utf8') <= MAX_RECORDED_REPLY_BYTES;
};
