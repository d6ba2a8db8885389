import { AsyncLocalStorage } from 'node:async_hooks';
import type { AgentId } from './agent-id.js';

/**
 * The agent whose handler is running (AutoGen's `MessageHandlerContext`, a context variable there): what
 * `DefaultTopicId` reads its source from. AsyncLocalStorage carries it across the handler's `await`s and into
 * everything the handler starts, and leaves it unset outside any handler.
 */
const handling = new AsyncLocalStorage<AgentId>();

/**
 * Runs `handle` as the handler of `agent`; returns what it returns (a promise stays in the context until it
 * settles). Every runtime calls its agents' `onMessage` through this.
 */
export function runAsHandlerOf<T>(agent: AgentId, handle: () => T): T {
  return handling.run(agent, handle);
}

/** The agent whose handler is running here, or undefined outside any handler. */
export function handlingAgent(): AgentId | undefined {
  return handling.getStore();
}
