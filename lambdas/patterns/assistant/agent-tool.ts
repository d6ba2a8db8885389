import * as z from 'zod';
import type { MessageType } from '../../contracts/message-type.js';
import type { AgentId } from '../../runtime/agent-id.js';
import type { SendOptions } from '../../runtime/message-context.js';
import { defineTool, type Tool } from '../tools/tool.js';

/** The `send` of a handler's context (or a runtime): what an agent tool calls. */
export type AgentSend = <T, R>(
  type: MessageType<string, T, R>,
  message: NoInfer<T>,
  recipient: AgentId,
  options?: SendOptions,
) => Promise<R>;

/**
 * Another agent as a tool: the model's input is the message (checked with the message type's schema), the
 * tool's output the agent's reply (checked with its response schema). `send` is the calling handler's
 * `ctx.send`, so the request carries its correlation and sender, and a refusal (the agent's typed error)
 * reaches the model as an error result of the call.
 *
 * @example
 * ```ts
 * const runbooks = agentTool({
 *   name: 'run_runbook',
 *   description: 'Runs one of the desk runbooks (restart-service, scale-out) on a service',
 *   message: RunRunbook,
 *   recipient: new AgentId('runbook', 'desk'),
 *   send: ctx.send.bind(ctx),
 * });
 * ```
 */
export function agentTool<T, R>(options: {
  readonly name: string;
  readonly description: string;
  readonly message: MessageType<string, T, R>;
  readonly recipient: AgentId;
  readonly send: AgentSend;
}): Tool<T, R> {
  const { message, recipient, send } = options;
  return defineTool<T, R>({
    name: options.name,
    description: options.description,
    input: message.schema,
    output: message.response ?? (z.unknown() as unknown as z.ZodType<R>),
    run: (input, { signal }) => send(message, input, recipient, signal === undefined ? {} : { signal }),
  });
}
