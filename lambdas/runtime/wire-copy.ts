import type { MessageType } from '../contracts/message-type.js';
import { InputTooDeepError, OversizedInputError } from './lambda/agent-handler-error.js';
import { MAX_INPUT_DEPTH, nestingDepth } from './lambda/nesting-depth.js';
import { ReplyValidationError } from './runtime-error.js';

/** 256 KB: the most one EventBridge event (or the input an agent function accepts) may carry. */
export const MAX_WIRE_BYTES = 256 * 1024;
/**
 * Room left for what surrounds a payload on the wire (metadata with ids, topic, sender and time; detail-type;
 * source): a payload of at most this many bytes fits an event in every deployment.
 */
export const MAX_PAYLOAD_BYTES = MAX_WIRE_BYTES - 2 * 1024;
/** The payload sits two levels below the event (event → detail → data). */
const PAYLOAD_DEPTH = MAX_INPUT_DEPTH - 2;

/**
 * A payload as the sender puts it on the wire, computed in process: validated with its schema (as PutEvents and
 * Invoke are prepared), within the event's depth and size limits, and written as JSON (what the wire keeps: no
 * `Date`, `undefined` fields, class instances or shared references); `undefined` for a payload JSON drops.
 * {@link fromWire} is the receiving function's side. The in-process runtime delivers what the two give, so
 * nothing passes locally that fails on AWS. Throws `MessageValidationError`, `OversizedInputError`,
 * `InputTooDeepError`, or the `TypeError` JSON raises for a value it cannot write (a `BigInt`, a cycle).
 *
 * @example
 * ```ts
 * const json = toWire(OrderPlaced, order);
 * const delivered = fromWire(OrderPlaced, json); // what each subscriber's handler receives
 * ```
 */
export function toWire<T>(type: MessageType<string, T, unknown>, message: T): string | undefined {
  const data = type.parse(message);
  if (nestingDepth(data, PAYLOAD_DEPTH) > PAYLOAD_DEPTH) throw new InputTooDeepError(MAX_INPUT_DEPTH);
  const json = JSON.stringify(data);
  // UTF-16 length ≤ UTF-8 bytes ≤ 3 × length: count bytes only near the limit.
  if (json !== undefined && json.length * 3 > MAX_PAYLOAD_BYTES) {
    const bytes = Buffer.byteLength(json, 'utf8');
    if (bytes > MAX_PAYLOAD_BYTES) throw new OversizedInputError(bytes, MAX_PAYLOAD_BYTES);
  }
  return json;
}

/** The receiving side of {@link toWire}: the JSON read back and validated again, a fresh copy each call. */
export function fromWire<T>(type: MessageType<string, T, unknown>, json: string | undefined): T {
  return type.parse(json === undefined ? undefined : JSON.parse(json));
}

/**
 * The reply of a `send` as its caller gets it: copied through JSON, as it crosses a Lambda invoke, and checked
 * against the message type's reply schema when it has one. Throws {@link ReplyValidationError}; both runtimes
 * apply it on the caller's side, so a handler returning the wrong shape fails the send in either.
 *
 * @example
 * ```ts
 * const reply = wireReply(ReserveStock, await invoke()); // { reserved: true } or ReplyValidationError
 * ```
 */
export function wireReply<R>(type: MessageType<string, unknown, R>, reply: unknown): R {
  const copy = replyCopy(reply);
  if (type.response === undefined) return copy as R;
  const result = type.response.safeParse(copy);
  if (!result.success) throw new ReplyValidationError(type.name, result.error);
  return result.data;
}

/** A JSON copy; strings, booleans, finite numbers and null (the common scalar replies) are their own copy. */
function replyCopy(reply: unknown): unknown {
  const scalar =
    reply === null ||
    typeof reply === 'string' ||
    typeof reply === 'boolean' ||
    (typeof reply === 'number' && Number.isFinite(reply));
  if (scalar) return reply;
  // NaN becomes null, undefined and functions vanish, a BigInt throws: what the invoke's JSON does.
  const json = JSON.stringify(reply);
  return json === undefined ? undefined : JSON.parse(json);
}
