import * as z from 'zod';

/** Why an input was rejected without a retry: the same input would fail the same way every time. */
export const DEAD_LETTER_REASONS = [
  'invalid-json',
  'unrecognised-input',
  'invalid-envelope',
  'oversized',
  'too-deep',
  'unknown-message-type',
  'schema-violation',
  'unknown-agent-type',
  'invalid-identifier',
  /** An event from a source or account its subscriptions do not admit for its detail-type. */
  'forbidden-sender',
] as const;
export type DeadLetterReason = (typeof DEAD_LETTER_REASONS)[number];

/** The shape an agent function recognised its input as, before it was rejected. */
export const INPUT_KINDS = ['eventbridge', 'send', 'task', 'unknown'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/**
 * What an agent function records on its dead-letter queue for bad input (one SQS message per input, JSON).
 * `input` is the original input as received; when the record would exceed the queue's message size, `input`
 * holds the first part of its JSON text and `truncated` its full size and SHA-256, so the input can still be
 * identified. A record that cannot be serialised at all (an input nested too deep for `JSON.stringify`, a
 * cycle) carries no `input`, only `unserialisable`: the size and SHA-256 of the input's JSON text and the
 * serialiser's error name. The schema is exported so tooling that lists or redrives the queue parses records, not guesses.
 *
 * @example
 * ```json
 * { "kind": "agentbridge.bad-input", "reason": "schema-violation", "code": "MESSAGE_VALIDATION",
 *   "message": "Invalid OrderPlaced: data.amount: expected number", "agentType": "payment",
 *   "inputKind": "eventbridge", "recordedAt": "2026-11-24T18:00:00.000Z", "input": { "id": "…", … } }
 * ```
 */
export const DeadLetterRecordSchema = z.object({
  kind: z.literal('agentbridge.bad-input'),
  reason: z.enum(DEAD_LETTER_REASONS),
  /** The error's stable code, e.g. `MESSAGE_VALIDATION`. */
  code: z.string(),
  message: z.string(),
  agentType: z.string(),
  inputKind: z.enum(INPUT_KINDS),
  functionName: z.string().optional(),
  requestId: z.string().optional(),
  recordedAt: z.string().datetime({ offset: true }),
  input: z.unknown().optional(),
  truncated: z.object({ bytes: z.number().int(), sha256: z.string() }).optional(),
  unserialisable: z.object({ bytes: z.number().int(), sha256: z.string(), error: z.string() }).optional(),
});
export type DeadLetterRecord = z.infer<typeof DeadLetterRecordSchema>;

/** SQS message attributes set on each record, so a queue can be listed or filtered without parsing bodies. */
export const DEAD_LETTER_ATTRIBUTES = {
  reason: 'agentbridge.reason',
  code: 'agentbridge.code',
  /** The error's message, on a queued request dead-lettered with its cause. */
  error: 'agentbridge.error',
} as const;

/**
 * The tag that marks a queue a function writes dead letters to itself (SQS knows it only from a redrive
 * policy, a rule's or a function's dead-letter configuration): its value says whose dead letters it holds, and
 * `agentbridge dlq` lists such queues with the others.
 */
export const DEAD_LETTERS_OF_TAG = 'agentbridge:dead-letters-of';
