import { ValidateUser } from '../../contracts/order/saga-tasks.js';
import { CreateUser, DeleteUser, UpdateUser } from '../../contracts/users/user-commands.js';
import { UserCreated, UserDeleted, UserUpdated } from '../../contracts/users/user-events.js';
import { GetUser, ListUsers } from '../../contracts/users/user-queries.js';
import { type AgentDefinition, defineAgent } from '../../runtime/agent-definition.js';
import type { UserCommands } from './user-commands.js';
import type { UserProjection } from './user-projection.js';
import type { UserQueries } from './user-queries.js';
import type { UserTasks } from './user-tasks.js';

export interface UsersAgentDeps {
  readonly commands: UserCommands;
  readonly queries: UserQueries;
  readonly projection: UserProjection;
  readonly tasks: UserTasks;
  /** Receives a failed inline catch-up after a command (the command stands; the bus delivery retries it). */
  readonly onProjectionLag?: (userId: string, error: unknown) => void;
}

/**
 * The users agent (CQRS user management): commands and queries by message type, the saga's
 * ValidateUser, and the projection fed by the user domain events the outbox publishes (`domain.User*`).
 * After a command it catches the read model up inline, so the caller reads its own write on one container;
 * the published event does the same everywhere else (a repeat applies nothing).
 *
 * @example
 * ```ts
 * await runtime.register('users', usersAgent({ commands, queries, projection, tasks }));
 * ```
 */
export function usersAgent(deps: UsersAgentDeps): AgentDefinition<undefined> {
  const { commands, queries, projection, tasks } = deps;
  const settle = async <R extends { userId: string }>(result: R): Promise<R> => {
    try {
      await projection.catchUp(result.userId);
    } catch (error) {
      deps.onProjectionLag?.(result.userId, error);
    }
    return result;
  };
  const nudge = async (event: { userId: string }): Promise<void> => {
    await projection.catchUp(event.userId);
  };
  return defineAgent({
    description: 'User management: event-sourced commands, read-model queries, ValidateUser',
    handlers: (on) => [
      on.rpc(CreateUser, async (command) => settle(await commands.create(command))),
      on.rpc(UpdateUser, async (command) => settle(await commands.update(command))),
      on.rpc(DeleteUser, async (command) => settle(await commands.delete(command))),
      on.rpc(GetUser, (query) => queries.get(query)),
      on.rpc(ListUsers, (query) => queries.list(query)),
      on.rpc(ValidateUser, (input) => tasks.validate(input)),
      on.event(UserCreated, nudge),
      on.event(UserUpdated, nudge),
      on.event(UserDeleted, nudge),
    ],
  });
}
