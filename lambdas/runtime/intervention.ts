import { AgentbridgeError } from '../contracts/agentbridge-error.js';
import type { AgentId } from './agent-id.js';
import type { TopicId } from './topic-id.js';

/** What an intervention handler returns to drop a message (AutoGen's `DropMessage`). */
export const DropMessage: unique symbol = Symbol('agentbridge.DropMessage');
export type DropMessage = typeof DropMessage;

/** What an intervention handler knows about the message it looks at. */
export interface InterventionContext {
  readonly messageType: string;
  readonly sender: AgentId | undefined;
  /** The topic of a publish; undefined for a send. */
  readonly topic: TopicId | undefined;
}

type Verdict = unknown | DropMessage | Promise<unknown | DropMessage>;

/**
 * Sees every message the in-process runtime carries, before it is delivered, and every send's reply, before the
 * caller gets it (AutoGen's `InterventionHandler`). Each hook returns the message to pass on (the same or a
 * transformed one, which is then validated like any payload) or {@link DropMessage}; what a hook throws rejects
 * the caller's `send` or `publish`. Handlers run in the order given.
 *
 * @example
 * ```ts
 * const redact: InterventionHandler = {
 *   onPublish: (msg, ctx) => (ctx.messageType === 'audit.Secret' ? DropMessage : msg),
 * };
 * const runtime = new InProcessRuntime({ interventions: [redact] });
 * ```
 */
export interface InterventionHandler {
  onSend?(message: unknown, ctx: InterventionContext, recipient: AgentId): Verdict;
  onPublish?(message: unknown, ctx: InterventionContext): Verdict;
  onResponse?(reply: unknown, sender: AgentId, recipient: AgentId | undefined): Verdict;
}

/** A send (or its reply) an intervention handler dropped: the caller's promise rejects with this. */
export class MessageDroppedError extends AgentbridgeError {
  override readonly name = 'MessageDroppedError';
  constructor(messageType: string, what: 'message' | 'reply') {
    super('MESSAGE_DROPPED', `An intervention handler dropped the ${what} of ${messageType}`);
  }
}

/**
 * Runs one hook of each handler that has it, in turn, on `message`; resolves with the outcome or
 * {@link DropMessage}. `hook` returns the handler's bound hook, or undefined when it has none.
 */
export async function intervene(
  handlers: readonly InterventionHandler[],
  message: unknown,
  hook: (handler: InterventionHandler) => ((message: unknown) => Verdict) | undefined,
): Promise<unknown> {
  let current = message;
  for (const handler of handlers) {
    const run = hook(handler);
    if (run === undefined) continue;
    const verdict = await run(current);
    if (verdict === DropMessage) return DropMessage;
    current = verdict;
  }
  return current;
}
