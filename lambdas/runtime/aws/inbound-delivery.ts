import type { MessageMetadata } from '../../contracts/envelope.js';
import type { AgentId } from '../agent-id.js';
import type { TopicId } from '../topic-id.js';

interface DeliveryBase {
  /** Validated envelope metadata; `metadata.type` names the message type. */
  readonly metadata: MessageMetadata;
  /** The payload, already validated against the message type's schema. */
  readonly data: unknown;
  readonly sender: AgentId | undefined;
  /**
   * The handler's `ctx.signal`: aborts when the invocation is about to time out, or earlier at a send's
   * deadline (when its caller stops waiting).
   */
  readonly signal: AbortSignal;
}

/** An event from EventBridge: delivered to the hosted agents the topic's subscriptions map it to. */
export interface PublishDelivery extends DeliveryBase {
  readonly kind: 'publish';
  readonly topic: TopicId;
}

/** A `send` (Lambda invoke) or a Step Functions task: delivered to one explicit recipient, as an rpc. */
export interface SendDelivery extends DeliveryBase {
  readonly kind: 'send';
  readonly recipient: AgentId;
}

/** One inbound message for the agents a Lambda function hosts, as the handler adapter hands it over. */
export type InboundDelivery = PublishDelivery | SendDelivery;

/** What `dispatch` did with a send: the handler's return value. */
export interface SendOutcome {
  readonly kind: 'send';
  readonly result: unknown;
  /** Set when the message had already been applied: `result` is the reply recorded then. */
  readonly duplicate?: true;
}

/** What `dispatch` did with an event. */
export interface PublishOutcome {
  readonly kind: 'publish';
  /** Recipients whose handler ran, as `type/key`. */
  readonly delivered: readonly string[];
  /** Recipients with no handler accepting the message (logged as a warning, like in process). */
  readonly unhandled: readonly string[];
  /** Recipients (also in `delivered`) that had already applied the message: acknowledged without effect. */
  readonly duplicates?: readonly string[];
}

export type DispatchResult = SendOutcome | PublishOutcome;
