import { randomUUID } from 'node:crypto';
import type * as z from 'zod';
import type { InputKind } from '../../contracts/dead-letter-record.js';
import {
  DEFAULT_TOPIC_SOURCE,
  ENVELOPE_SCHEMA_VERSION,
  EnvelopeSchema,
  type MessageMetadata,
} from '../../contracts/envelope.js';
import type { MessageRegistry } from '../../contracts/message-registry.js';
import { AgentId } from '../agent-id.js';
import type { SendDelivery } from '../aws/inbound-delivery.js';
import { SendRequestSchema } from '../aws/send-request.js';
import { TaskRequestSchema } from '../aws/task-request.js';
import { UnknownAgentTypeError } from '../runtime-error.js';
import { TopicId } from '../topic-id.js';
import {
  InputTooDeepError,
  InvalidEnvelopeError,
  InvalidJsonError,
  OversizedInputError,
  UnrecognisedInputError,
} from './agent-handler-error.js';
import { ClassifiedInput, type PendingDelivery } from './classified-input.js';
import { MAX_INPUT_DEPTH, nestingDepth } from './nesting-depth.js';
import type { EventOrigin } from './sender-guard.js';

export interface ClassifyOptions {
  readonly messages: MessageRegistry;
  readonly isHosted: (agentType: string) => boolean;
  /** Largest direct-invoke or string input accepted, in bytes (EventBridge enforces its own 256 KB). */
  readonly maxInputBytes: number;
  /** Throws `ForbiddenSenderError` for an event whose source/account the subscriptions do not admit. */
  readonly checkSender?: (origin: EventOrigin) => void;
}

/** The EventBridge fields the adapter reads; EventBridge guarantees the shape, so plain checks suffice. */
interface EventFields {
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  readonly time: string | undefined;
  readonly detail: unknown;
}

function eventFields(input: Record<string, unknown>): EventFields {
  const { id, time, detail } = input;
  const detailType = input['detail-type'];
  if (typeof id !== 'string' || id === '' || id.length > 128) {
    throw new InvalidEnvelopeError('EventBridge event', 'id: expected a string of 1 to 128 characters');
  }
  if (typeof detailType !== 'string' || detailType === '' || detailType.length > 128) {
    throw new InvalidEnvelopeError(
      'EventBridge event',
      'detail-type: expected a string of 1 to 128 characters',
    );
  }
  if (time !== undefined && (typeof time !== 'string' || Number.isNaN(Date.parse(time)))) {
    throw new InvalidEnvelopeError('EventBridge event', 'time: expected an ISO 8601 timestamp');
  }
  // EventBridge always sets both; an event without them cannot be checked against its senders.
  const { source, account } = input;
  if (typeof source !== 'string' || typeof account !== 'string') {
    throw new InvalidEnvelopeError('EventBridge event', 'source and account: expected strings');
  }
  return { id, 'detail-type': detailType, source, account, time, detail };
}

function summary(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

function checked<T>(schema: z.ZodType<T>, input: unknown, kind: string): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new InvalidEnvelopeError(kind, summary(result.error), { cause: result.error });
  return result.data;
}

function checkSize(bytes: number, limit: number): void {
  if (bytes > limit) throw new OversizedInputError(bytes, limit);
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidJsonError(where, { cause: error });
  }
}

/** Rejects a value nested deeper than `room` levels, before anything recursive (serialising, validating) sees it. */
function checkDepth(value: unknown, room: number): void {
  if (nestingDepth(value, room) > room) throw new InputTooDeepError(MAX_INPUT_DEPTH);
}

/** A string input is JSON text (some producers double-encode): parse it; anything else is already decoded. */
export function decodeInput(raw: unknown, maxInputBytes: number): unknown {
  if (typeof raw !== 'string') return raw;
  checkSize(Buffer.byteLength(raw, 'utf8'), maxInputBytes);
  return parseJson(raw, 'input');
}

const sender = (metadata: MessageMetadata): AgentId | undefined =>
  metadata.sender === undefined ? undefined : AgentId.fromString(metadata.sender);

function hostedRecipient(value: string, options: ClassifyOptions): AgentId {
  const recipient = AgentId.fromString(value);
  if (!options.isHosted(recipient.type)) throw new UnknownAgentTypeError(recipient.type);
  return recipient;
}

/**
 * Validates a decoded input of a known kind and turns it into the delivery to dispatch. Throws the typed
 * bad-input errors (`InvalidEnvelopeError`, `UnknownMessageTypeError`, `MessageValidationError`,
 * `InvalidIdentifierError`, `UnknownAgentTypeError`, `OversizedInputError`, `InvalidJsonError`,
 * `InputTooDeepError`). The depth check comes first: the input nests at most {@link MAX_INPUT_DEPTH} levels
 * before anything recursive (serialising for the size check, schema validation) sees it.
 */
export function classifyInput(kind: InputKind, input: unknown, options: ClassifyOptions): ClassifiedInput {
  checkDepth(input, MAX_INPUT_DEPTH);
  if (kind === 'eventbridge') return classifyEvent(input, options);
  if (kind === 'unknown') throw new UnrecognisedInputError(describe(input));
  checkSize(Buffer.byteLength(JSON.stringify(input), 'utf8'), options.maxInputBytes);
  if (kind === 'send') {
    const request = checked(SendRequestSchema, input, 'send');
    const delivery: PendingDelivery<SendDelivery> = {
      kind: 'send',
      recipient: hostedRecipient(request.recipient, options),
      metadata: request.metadata,
      data: options.messages.get(request.metadata.type).parse(request.data),
      sender: sender(request.metadata),
    };
    return new ClassifiedInput(request.metadata.id, { kind: 'send', delivery, deadline: request.deadline });
  }
  const task = checked(TaskRequestSchema, input, 'task');
  const recipient = hostedRecipient(task.recipient, options);
  const id = task.id ?? randomUUID();
  const metadata: MessageMetadata = {
    id,
    type: task.messageType,
    topicType: recipient.type,
    topicSource: recipient.key,
    correlationId: task.correlationId ?? id,
    causationId: id,
    time: new Date().toISOString(),
    schemaVersion: ENVELOPE_SCHEMA_VERSION,
  };
  const data = options.messages.get(task.messageType).parse(task.data);
  const delivery: PendingDelivery<SendDelivery> = {
    kind: 'send',
    recipient,
    metadata,
    data,
    sender: undefined,
  };
  // A task without an id gets a fresh key: every attempt runs, as Step Functions' Retry expects.
  return new ClassifiedInput(task.id ?? `task:${id}`, { kind: 'task', delivery });
}

function classifyEvent(input: unknown, options: ClassifyOptions): ClassifiedInput {
  const event = eventFields(input as Record<string, unknown>);
  const detail = typeof event.detail === 'string' ? parseJson(event.detail, 'event detail') : event.detail;
  // The event object is one level above its detail.
  checkDepth(detail, MAX_INPUT_DEPTH - 1);
  const envelope = isEnveloped(detail)
    ? checked(EnvelopeSchema, detail, 'event envelope')
    : bare(event, detail);
  const { metadata } = envelope;
  // Rules choose targets by detail-type; the handler is chosen by metadata.type. Publishers set both to the
  // message type, so a difference is a forged or corrupted event: trusting either would misroute it.
  if (metadata.type !== event['detail-type']) {
    throw new InvalidEnvelopeError(
      'event envelope',
      `metadata.type ${JSON.stringify(metadata.type)} differs from detail-type ${JSON.stringify(event['detail-type'])}`,
    );
  }
  const topic = new TopicId(metadata.topicType, metadata.topicSource);
  options.checkSender?.({
    source: event.source,
    account: event.account,
    detailType: event['detail-type'],
    messageType: metadata.type,
    topic,
  });
  // Keyed on the message id, not the EventBridge event id: a resent PutEvents entry or an outbox event
  // published again gets a new event id but keeps its message id (a bare detail's message id is its event id).
  return new ClassifiedInput(metadata.id, {
    kind: 'eventbridge',
    delivery: {
      kind: 'publish',
      topic,
      metadata,
      data: options.messages.get(metadata.type).parse(envelope.data),
      sender: sender(metadata),
    },
  });
}

/** Same test as the rule pattern's `$or`: an agentbridge envelope is a detail whose `metadata.id` exists. */
function isEnveloped(detail: unknown): boolean {
  if (typeof detail !== 'object' || detail === null) return false;
  const metadata = (detail as { metadata?: unknown }).metadata;
  return typeof metadata === 'object' && metadata !== null && (metadata as { id?: unknown }).id !== undefined;
}

/** A bare detail from an outside service: the detail-type is the topic type, the source `default`. */
function bare(event: EventFields, detail: unknown): { metadata: MessageMetadata; data: unknown } {
  const metadata: MessageMetadata = {
    id: event.id,
    type: event['detail-type'],
    topicType: event['detail-type'],
    topicSource: DEFAULT_TOPIC_SOURCE,
    correlationId: event.id,
    causationId: event.id,
    time: event.time ?? new Date().toISOString(),
    schemaVersion: ENVELOPE_SCHEMA_VERSION,
  };
  return { metadata, data: detail };
}

function describe(input: unknown): string {
  if (typeof input !== 'object' || input === null) return `a ${input === null ? 'null' : typeof input}`;
  if (Array.isArray(input)) return 'an array';
  return `an object with keys ${Object.keys(input).slice(0, 8).join(', ') || '(none)'}`;
}
