import type { MessageType } from '../contracts/message-type.js';
import type { AgentId } from './agent-id.js';
import { DropMessage, type InterventionHandler, intervene, MessageDroppedError } from './intervention.js';
import type { TopicId } from './topic-id.js';

/**
 * A send through the intervention handlers: their `onSend` hooks see the message before `deliver` does, their
 * `onResponse` hooks see the reply before the caller does. A drop rejects the send with
 * {@link MessageDroppedError}; what a hook throws rejects it as is.
 *
 * @example
 * ```ts
 * const reply = await sendThroughInterventions(handlers, Greet, { name: 'Ada' }, recipient, undefined, deliver);
 * ```
 */
export async function sendThroughInterventions<T, R>(
  handlers: readonly InterventionHandler[],
  type: MessageType<string, T, R>,
  message: T,
  recipient: AgentId,
  sender: AgentId | undefined,
  deliver: (message: T) => Promise<R>,
): Promise<R> {
  const seen = { messageType: type.name, sender, topic: undefined };
  const passed = await intervene(
    handlers,
    message,
    (handler) => handler.onSend && ((msg) => handler.onSend?.(msg, seen, recipient)),
  );
  if (passed === DropMessage) throw new MessageDroppedError(type.name, 'message');
  const reply = await deliver(passed as T);
  const answered = await intervene(
    handlers,
    reply,
    (handler) => handler.onResponse && ((msg) => handler.onResponse?.(msg, recipient, sender)),
  );
  if (answered === DropMessage) throw new MessageDroppedError(type.name, 'reply');
  return answered as R;
}

/**
 * A publish through the intervention handlers: their `onPublish` hooks see the message before `deliver` fans
 * it out. A dropped publish is not delivered and resolves, as in AutoGen.
 *
 * @example
 * ```ts
 * await publishThroughInterventions(handlers, Greeted, { name: 'Ada' }, topic, sender, deliver);
 * ```
 */
export async function publishThroughInterventions<T>(
  handlers: readonly InterventionHandler[],
  type: MessageType<string, T, unknown>,
  message: T,
  topic: TopicId,
  sender: AgentId | undefined,
  deliver: (message: T) => Promise<void>,
): Promise<void> {
  const seen = { messageType: type.name, sender, topic };
  const passed = await intervene(
    handlers,
    message,
    (handler) => handler.onPublish && ((msg) => handler.onPublish?.(msg, seen)),
  );
  if (passed !== DropMessage) await deliver(passed as T);
}
