import type { MessageRegistry } from '../../contracts/message-registry.js';
import { OUTBOX_SOURCE } from '../../contracts/sources.js';
import type { AgentRuntime } from '../../runtime/agent-runtime.js';
import { outgoingEnvelopeEvent } from '../../runtime/aws/outgoing-envelope.js';
import { TopicId } from '../../runtime/topic-id.js';
import { outboxEnvelope } from './outbox-envelope.js';
import type { OutboxEntry, OutboxPublishPort } from './outbox-publish-port.js';

/** The bus name the wire check is given; nothing is sent anywhere under it. */
const IN_PROCESS_BUS = 'in-process';

/**
 * The outbox's publish port on an in-process runtime: the same {@link outboxEnvelope} the AWS port puts on
 * EventBridge, checked by the same wire check (`outgoingEnvelopeEvent`: envelope schema, topic identifiers),
 * then published on its topic (`domain.<type>`, source = stream id) with its message, correlation and
 * causation ids, no sender; each entry's failure is reported by its index. The in-process bus carries no envelope, so `time`, `streamId`, `version`, stored
 * extras and the `agentbridge.outbox` source do not travel. `messages` resolves the event type by name (the
 * runtime routes by it); an unregistered type rejects with `UnknownMessageTypeError`. Like the AWS port it
 * does not re-validate the payload: the event store checked it on append.
 *
 * @example
 * ```ts
 * const relay = new OutboxRelay({ port: inProcessOutboxPort(runtime, new MessageRegistry([UserCreated, OrderCreated])) });
 * ```
 */
export function inProcessOutboxPort(
  runtime: Pick<AgentRuntime, 'publish'>,
  messages: MessageRegistry,
): OutboxPublishPort {
  const publishOne = async ({ eventType, data, metadata }: OutboxEntry): Promise<void> => {
    const envelope = outboxEnvelope(eventType, data, metadata);
    outgoingEnvelopeEvent(envelope, { eventBusName: IN_PROCESS_BUS, source: OUTBOX_SOURCE });
    const { id, type, topicType, topicSource, correlationId, causationId } = envelope.metadata;
    await runtime.publish(messages.get(type), envelope.data, new TopicId(topicType, topicSource), {
      messageId: id,
      correlationId,
      causationId,
    });
  };
  return {
    async publish(entries) {
      // The entries are of different streams (the outbox orders each stream): publish them side by side.
      const outcomes = await Promise.allSettled(entries.map(publishOne));
      const failures = new Map<number, unknown>();
      outcomes.forEach((outcome, index) => {
        if (outcome.status === 'rejected') failures.set(index, outcome.reason);
      });
      return failures;
    },
  };
}
