import type { AgentId } from './agent-id.js';
import type { AgentRuntime } from './agent-runtime.js';
import type { MessageContext } from './message-context.js';

/**
 * One agent instance (AutoGen's `Agent`). Most agents are built with `defineAgent`; implement this
 * directly only for an agent that routes messages itself.
 */
export interface Agent {
  readonly id: AgentId;
  /** The state handlers see as `ctx.state`. */
  readonly state?: unknown;
  /** Handles one message; `ctx.messageType` names its type. Throw `CantHandleError` for what it does not handle. */
  onMessage(message: unknown, ctx: MessageContext): unknown;
  /** A JSON-serialisable copy of the agent's state. */
  saveState?(): unknown;
  loadState?(state: unknown): void;
}

/** Creates the instance for an AgentId, on the first message addressed to it. */
export type AgentFactory = (id: AgentId, runtime: AgentRuntime) => Agent;
