import type { Agent } from './agent.js';
import type { AgentDefinition } from './agent-definition.js';
import type { AgentId } from './agent-id.js';
import type { MessageContext } from './message-context.js';
import { CantHandleError } from './runtime-error.js';

/**
 * The instance a runtime creates from an {@link AgentDefinition}: routes each message by its type name
 * to the first handler whose kind fits (`rpc` for send, `event` for publish, `message` for both) and
 * whose `match` accepts.
 *
 * An unhandled `send` rejects with `CantHandleError` (AutoGen returns `None`, which hides mistakes);
 * an unhandled publish is reported by the runtime as a warning.
 */
export class RoutedAgent<State> implements Agent {
  readonly id: AgentId;
  state: State;
  readonly #definition: AgentDefinition<State>;

  constructor(id: AgentId, definition: AgentDefinition<State>) {
    this.id = id;
    this.#definition = definition;
    this.state = definition.initialState ? definition.initialState() : (undefined as State);
  }

  onMessage(message: unknown, ctx: MessageContext<State>): unknown {
    const handlers = this.#definition.routes.get(ctx.messageType);
    if (handlers !== undefined) {
      for (const handler of handlers) {
        if (handler.kind !== 'message' && (handler.kind === 'rpc') !== ctx.isRpc) continue;
        if (!handler.accepts(message, ctx)) continue;
        return handler.handle(message, ctx);
      }
    }
    throw new CantHandleError(
      `${this.id.toString()} has no ${ctx.isRpc ? 'rpc' : 'event'} handler accepting ${ctx.messageType}`,
    );
  }

  /** State is copied through JSON so a saved state is exactly what would survive the wire or DynamoDB. */
  saveState(): unknown {
    return this.state === undefined ? undefined : JSON.parse(JSON.stringify(this.state));
  }

  loadState(state: unknown): void {
    this.state = (state === undefined ? state : JSON.parse(JSON.stringify(state))) as State;
  }
}
