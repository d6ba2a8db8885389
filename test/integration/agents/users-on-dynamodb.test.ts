import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLAIM_GRACE_MS } from '../../../lambdas/agents/users/claim-email.js';
import { userCommands } from '../../../lambdas/agents/users/user-commands.js';
import { userProjection } from '../../../lambdas/agents/users/user-projection.js';
import { EmailAlreadyTakenError } from '../../../lambdas/agents/users/users-error.js';
import { EVENT_STORE_TABLE } from '../../../lambdas/contracts/tables/event-store-table.js';
import { USERS_TABLE } from '../../../lambdas/contracts/tables/users-table.js';
import { DynamoDbEventStoreAdapter } from '../../../lambdas/stores/event-store/dynamodb/dynamodb-event-store-adapter.js';
import { EventStore } from '../../../lambdas/stores/event-store/event-store.js';
import { DynamoDbUserClaims } from '../../../lambdas/stores/users/dynamodb/dynamodb-user-claims.js';
import { DynamoDbUserReadModel } from '../../../lambdas/stores/users/dynamodb/dynamodb-user-read-model.js';
import { InMemoryUserReadModel } from '../../../lambdas/stores/users/in-memory/in-memory-user-read-model.js';
import { testDynamoClients } from '../../support/dynamodb.js';

/** The users agent's logic on the real adapters: event store and users table in DynamoDB Local. */
const wire = () => {
  const { documentClient } = testDynamoClients();
  const events = new EventStore({
    adapter: new DynamoDbEventStoreAdapter({ documentClient, tableName: EVENT_STORE_TABLE.localName }),
  });
  const claims = new DynamoDbUserClaims({ documentClient, tableName: USERS_TABLE.localName });
  const readModel = new DynamoDbUserReadModel({ documentClient, tableName: USERS_TABLE.localName });
  return {
    events,
    claims,
    readModel,
    commands: userCommands({ events, claims, claimGraceMs: DEFAULT_CLAIM_GRACE_MS }),
    projection: userProjection({ events, readModel, claims }),
  };
};
/** Random ids and addresses keep parallel test files apart on the shared tables. */
const userId = (): string => `u-${randomUUID()}`;

describe('users agent on DynamoDB', () => {
  it('lets exactly one of several concurrent creates with one email through', async () => {
    const { commands } = wire();
    const email = `${randomUUID()}@example.com`;
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => commands.create({ userId: userId(), email, name: 'Same' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(EmailAlreadyTakenError);
  });

  it('rebuilds each user from version 0 into exactly the live read model', async () => {
    const { commands, projection, events, claims, readModel } = wire();
    const ids = [userId(), userId(), userId()];
    for (const [i, id] of ids.entries()) {
      await commands.create({ userId: id, email: `${id}@example.com`, name: `User ${i}` });
      await projection.catchUp(id);
    }
    const [first, second] = ids as [string, string, string];
    await commands.update({ userId: first, name: 'Renamed', email: `new-${first}@example.com` });
    await projection.catchUp(first);
    await commands.delete({ userId: second, reason: 'gone' });
    await projection.catchUp(second);
    const rebuiltModel = new InMemoryUserReadModel();
    const rebuilt = userProjection({ events, readModel: rebuiltModel, claims });
    for (const id of ids) {
      await rebuilt.rebuild(id);
      expect(await rebuiltModel.get(id)).toEqual(await readModel.get(id));
    }
    expect(await readModel.get(second)).toMatchObject({ status: 'deleted', version: 2 });
    expect(await readModel.get(first)).toMatchObject({
      name: 'Renamed',
      email: `new-${first}@example.com`,
      version: 2,
    });
  });

  it('frees the old address on an email change and on delete', async () => {
    const { commands, claims } = wire();
    const id = userId();
    const old = `${id}@example.com`;
    await commands.create({ userId: id, email: old, name: 'Ada' });
    await commands.update({ userId: id, email: `changed-${id}@example.com` });
    expect(await claims.emailClaim(old)).toBeUndefined();
    await commands.delete({ userId: id, reason: 'gone' });
    expect(await claims.emailClaim(`changed-${id}@example.com`)).toBeUndefined();
  });
});
