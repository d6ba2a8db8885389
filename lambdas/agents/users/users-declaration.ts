import { ORDER_AGENT_TYPES } from '../../contracts/order/order-agent-types.js';
import { ORDER_TABLE_ACTIONS } from '../../contracts/order/order-table-actions.js';
import { fromAgentbridge } from '../../contracts/senders.js';
import { OUTBOX_SOURCE } from '../../contracts/sources.js';
import { agentFunctionTables, TABLE_ACTIONS } from '../../contracts/table-access.js';
import { EVENT_STORE_TABLE } from '../../contracts/tables/event-store-table.js';
import { USERS_TABLE } from '../../contracts/tables/users-table.js';
import { domainTopic } from '../../contracts/topics.js';
import { USER_EVENT_TYPES } from '../../contracts/users/user-events.js';
import { userStreamId } from '../../contracts/users/user-values.js';
import { declareAgent } from '../../runtime/agent-declaration.js';
import { TypeSubscription } from '../../runtime/type-subscription.js';
import { type UsersAgentDeps, usersAgent } from './users-agent.js';

/**
 * The users agent, declared once for its Lambda function, the stack and the in-process system: CQRS user
 * management over the event store (its own `user-*` streams only) and the users table (claims, registrations,
 * read model). Subscribed to each user event the outbox publishes on `domain.<type>`, which catches the read
 * model up; only the outbox (`agentbridge.outbox`, the bus's own account) may send them, so a user event from
 * anywhere else matches no rule. Commands, queries and the saga's ValidateUser arrive by `send` and task.
 *
 * @example
 * ```ts
 * await registerAgent(runtime, USERS_AGENT, { commands, queries, projection, tasks });
 * ```
 */
export const USERS_AGENT = declareAgent({
  agentType: ORDER_AGENT_TYPES.users,
  subscriptions: USER_EVENT_TYPES.map(
    (type) =>
      new TypeSubscription(domainTopic(type), ORDER_AGENT_TYPES.users, {
        senders: { [type]: fromAgentbridge(OUTBOX_SOURCE) },
      }),
  ),
  tables: [
    ...agentFunctionTables(ORDER_AGENT_TYPES.users),
    { table: EVENT_STORE_TABLE, actions: TABLE_ACTIONS.eventStore, leadingKeyPatterns: [userStreamId('*')] },
    { table: USERS_TABLE, actions: ORDER_TABLE_ACTIONS.users },
  ],
  // Nothing publishes to its direct-message topics: an open "<type>:" rule would admit unchecked senders.
  skipDirectMessageSubscription: true,
  define: (deps: UsersAgentDeps) => usersAgent(deps),
});
