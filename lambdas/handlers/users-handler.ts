import { DEFAULT_CLAIM_GRACE_MS } from '../agents/users/claim-email.js';
import { userCommands } from '../agents/users/user-commands.js';
import { userProjection } from '../agents/users/user-projection.js';
import { userQueries } from '../agents/users/user-queries.js';
import { userTasks } from '../agents/users/user-tasks.js';
import { USERS_AGENT } from '../agents/users/users-declaration.js';
import { EVENT_STORE_TABLE } from '../contracts/tables/event-store-table.js';
import { USERS_TABLE } from '../contracts/tables/users-table.js';
import { agentHandler } from '../runtime/lambda/agent-handler.js';
import { DynamoDbEventStoreAdapter } from '../stores/event-store/dynamodb/dynamodb-event-store-adapter.js';
import { EventStore } from '../stores/event-store/event-store.js';
import { DynamoDbUserClaims } from '../stores/users/dynamodb/dynamodb-user-claims.js';
import { DynamoDbUserReadModel } from '../stores/users/dynamodb/dynamodb-user-read-model.js';
import { agentFunctionWiring } from './agent-function-wiring.js';

/**
 * The users agent's Lambda function: CQRS user management (commands, queries), the saga's ValidateUser, and
 * the read-model projection fed by the outbox's `domain.User*` events. Tables: event store (append/read),
 * users (claims, registrations, read model). Aggregate loads (`events.load`) start from the newest snapshot
 * the snapshot function (`snapshot-handler.ts`) wrote from the event store's stream; no `snapshots` option
 * here, because a background snapshot started after an append would be frozen with the Lambda container.
 */
const wiring = agentFunctionWiring(USERS_AGENT.agentType);
const { documentClient } = wiring;
const events = new EventStore({
  adapter: new DynamoDbEventStoreAdapter({ documentClient, tableName: wiring.tableName(EVENT_STORE_TABLE) }),
});
const usersTable = wiring.tableName(USERS_TABLE);
const claims = new DynamoDbUserClaims({ documentClient, tableName: usersTable });
const readModel = new DynamoDbUserReadModel({ documentClient, tableName: usersTable });

export const handler = agentHandler(
  USERS_AGENT,
  {
    commands: userCommands({ events, claims, claimGraceMs: DEFAULT_CLAIM_GRACE_MS }),
    queries: userQueries({ readModel }),
    projection: userProjection({ events, readModel, claims }),
    tasks: userTasks({ events }),
    onProjectionLag: (userId, error) =>
      wiring.deps.logger.warn('Read model catch-up failed after a command; the domain event will retry it', {
        userId,
        error,
      }),
  },
  wiring.deps,
);
