import { DEFAULT_TOPIC_SOURCE, EnvelopeSchema } from '../../lambdas/contracts/envelope.js';
import type { MessageRegistry } from '../../lambdas/contracts/message-registry.js';
import { AgentId } from '../../lambdas/runtime/agent-id.js';
import type { AgentRuntime } from '../../lambdas/runtime/agent-runtime.js';
import { TopicId } from '../../lambdas/runtime/topic-id.js';
import type { LocalEventEntry, LocalEventSink } from '../stepfunctions/local-event-sink.js';
import { UnpublishableEntryError } from './local-order-system-error.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function detailOf(entry: LocalEventEntry): unknown {
  if (typeof entry.Detail !== 'string') return entry.Detail;
  try {
    return JSON.parse(entry.Detail);
  } catch (error) {
    throw new UnpublishableEntryError(entry.DetailType, 'Detail is not JSON', { cause: error });
  }
}

/**
 * Where the local state machines' `events:putEvents` entries go: onto the runtime's bus, as the deployed
 * rules would route them. The envelope says where: `metadata.topicType/topicSource` is the topic, `metadata.id`
 * the message id, correlation and causation ids carry over. The payload is validated with its message type's
 * schema (DESIGN: validate PutEvents output), so a definition that writes a bad OrderFailed fails its task
 * instead of reaching an agent. A bare detail (no `metadata`) goes to topic `<DetailType>/default`.
 *
 * @example
 * ```ts
 * const sfn = new LocalStepFunctions({ lambda, events: runtimeEventSink(runtime, new MessageRegistry([OrderFailed])) });
 * ```
 */
export function runtimeEventSink(runtime: AgentRuntime, messages: MessageRegistry): LocalEventSink {
  return {
    async putEvents(entries) {
      // Validate every entry before publishing any: PutEvents through Step Functions is all or nothing here.
      const ready = entries.map((entry) => {
        if (!messages.has(entry.DetailType)) {
          throw new UnpublishableEntryError(entry.DetailType, 'no message type of that name is known');
        }
        const type = messages.get(entry.DetailType);
        const detail = detailOf(entry);
        if (!isRecord(detail) || !('metadata' in detail)) {
          return {
            type,
            data: type.parse(detail),
            topic: new TopicId(entry.DetailType, DEFAULT_TOPIC_SOURCE),
            options: {},
          };
        }
        const envelope = EnvelopeSchema.safeParse(detail);
        if (!envelope.success) {
          throw new UnpublishableEntryError(entry.DetailType, envelope.error.message, {
            cause: envelope.error,
          });
        }
        const { metadata, data } = envelope.data;
        if (metadata.type !== entry.DetailType) {
          throw new UnpublishableEntryError(entry.DetailType, `metadata.type is ${metadata.type}`);
        }
        return {
          type,
          data: type.parse(data),
          topic: new TopicId(metadata.topicType, metadata.topicSource),
          options: {
            messageId: metadata.id,
            correlationId: metadata.correlationId,
            causationId: metadata.causationId,
            ...(metadata.sender === undefined ? {} : { sender: AgentId.fromString(metadata.sender) }),
          },
        };
      });
      for (const { type, data, topic, options } of ready) await runtime.publish(type, data, topic, options);
    },
  };
}
