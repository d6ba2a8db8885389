import type { MessageType } from '../contracts/message-type.js';
import type { MessageContext } from './message-context.js';

/** rpc: `send` only, returns a reply; event: `publish` only; message: both. */
export type HandlerKind = 'rpc' | 'event' | 'message';

/** One routed handler. Method syntax on purpose: definitions of any state type share one registry. */
export interface HandlerSpec<State> {
  readonly kind: HandlerKind;
  readonly type: MessageType<string, never, unknown>;
  handle(message: unknown, ctx: MessageContext<State>): unknown;
  accepts(message: unknown, ctx: MessageContext<State>): boolean;
}

type Match<T, State> = (message: T, ctx: MessageContext<State>) => boolean;

/** The handler builders `defineAgent` passes to its `handlers` callback, typed with the agent's state. */
export interface HandlerBuilders<State> {
  rpc<T, R>(
    type: MessageType<string, T, R>,
    handle: (message: T, ctx: MessageContext<State>) => R | Promise<R>,
    options?: { match?: Match<T, State> },
  ): HandlerSpec<State>;
  event<T>(
    type: MessageType<string, T, unknown>,
    handle: (message: T, ctx: MessageContext<State>) => void | Promise<void>,
    options?: { match?: Match<T, State> },
  ): HandlerSpec<State>;
  message<T, R>(
    type: MessageType<string, T, R>,
    handle: (message: T, ctx: MessageContext<State>) => R | Promise<R>,
    options?: { match?: Match<T, State> },
  ): HandlerSpec<State>;
}

/** A routed agent type: its handlers by message type, in declared order, and how its state starts. */
export interface AgentDefinition<State> {
  readonly description: string;
  readonly initialState: (() => State) | undefined;
  /** Handlers per message type name, in the order they were declared. */
  readonly routes: ReadonlyMap<string, readonly HandlerSpec<State>[]>;
  /** Every message type the agent handles, for boundaries that validate input by type name. */
  readonly messageTypes: readonly MessageType<string, never, unknown>[];
}

function spec<T, State>(
  kind: HandlerKind,
  type: MessageType<string, T, unknown>,
  handle: (message: T, ctx: MessageContext<State>) => unknown,
  match: Match<T, State> | undefined,
): HandlerSpec<State> {
  return {
    kind,
    type: type as MessageType<string, never, unknown>,
    handle: handle as HandlerSpec<State>['handle'],
    accepts: match === undefined ? () => true : (match as HandlerSpec<State>['accepts']),
  };
}

function builders<State>(): HandlerBuilders<State> {
  return {
    rpc: (type, handle, options) => spec('rpc', type, handle, options?.match),
    event: (type, handle, options) => spec('event', type, handle, options?.match),
    message: (type, handle, options) => spec('message', type, handle, options?.match),
  };
}

/**
 * Defines a routed agent (AutoGen's `RoutedAgent`). Handlers for one message type are tried in the order
 * declared (AutoGen sorts them by method name); the first whose kind fits and whose `match` accepts runs.
 *
 * @example
 * ```ts
 * const Greeter = defineAgent({
 *   description: 'Greets people and counts them',
 *   state: () => ({ greeted: 0 }),
 *   handlers: (on) => [
 *     on.rpc(Greet, (msg, ctx) => {
 *       ctx.state.greeted += 1;
 *       return { text: `Hello ${msg.name}` };
 *     }),
 *   ],
 * });
 * ```
 */
export function defineAgent<State = undefined>(definition: {
  description?: string;
  state?: () => State;
  handlers: (on: HandlerBuilders<State>) => HandlerSpec<State>[];
}): AgentDefinition<State> {
  const handlers = definition.handlers(builders<State>());
  const routes = new Map<string, HandlerSpec<State>[]>();
  const messageTypes: MessageType<string, never, unknown>[] = [];
  for (const handler of handlers) {
    const list = routes.get(handler.type.name);
    if (list) list.push(handler);
    else {
      routes.set(handler.type.name, [handler]);
      messageTypes.push(handler.type);
    }
  }
  return {
    description: definition.description ?? '',
    initialState: definition.state,
    routes,
    messageTypes,
  };
}
