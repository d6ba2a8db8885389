import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { USERS_TABLE } from '../../../lambdas/contracts/tables/users-table.js';
import type { UserView } from '../../../lambdas/contracts/users/user-values.js';
import { DynamoDbUserClaims } from '../../../lambdas/stores/users/dynamodb/dynamodb-user-claims.js';
import { DynamoDbUserReadModel } from '../../../lambdas/stores/users/dynamodb/dynamodb-user-read-model.js';
import { testDynamoClients } from '../dynamodb.js';
import type { TableWorkload } from './table-workload.js';

const tableName = USERS_TABLE.localName;
const userView = (overrides: Partial<UserView> = {}): UserView => ({
  userId: `u-${randomUUID()}`,
  email: `${randomUUID()}@example.com`,
  name: 'Ada',
  status: 'active',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

/** The users agent: registrations and email claims (won, held, taken over, released), the read model. */
export const usersAgentWorkload: TableWorkload = async ({ documentClient }) => {
  const claims = new DynamoDbUserClaims({ documentClient, tableName });
  const readModel = new DynamoDbUserReadModel({ documentClient, tableName });
  const [ada, bob, address] = [`u-${randomUUID()}`, `u-${randomUUID()}`, `${randomUUID()}@example.com`];
  expect(await claims.register(ada, 1)).toEqual({ created: true });
  expect(await claims.register(ada, 2)).toEqual({ created: false });
  expect(await claims.claimEmail(address, ada, 10)).toMatchObject({ kind: 'claimed' });
  const held = await claims.claimEmail(address, bob, 20);
  expect(held).toMatchObject({ kind: 'held' });
  expect(await claims.takeOverEmail(address, held.claim, bob, 30)).toBe(true);
  expect(await claims.takeOverEmail(address, held.claim, ada, 40)).toBe(false);
  await claims.releaseEmail(address, ada);
  await claims.releaseEmail(address, bob);
  expect(await claims.emailClaim(address)).toBeUndefined();
  await claims.registrations({ limit: 2 });

  const view = userView({ userId: ada });
  expect(await readModel.save(view, 0)).toBe(true);
  expect(await readModel.save({ ...view, version: 2 }, 0)).toBe(false);
  expect(await readModel.save({ ...view, version: 2 }, 1)).toBe(true);
  await readModel.replace({ ...view, version: 1 });
  await readModel.replace(userView({ version: 3 }));
  expect(await readModel.get(ada)).toMatchObject({ version: 2 });
  expect(await readModel.get(`u-${randomUUID()}`)).toBeUndefined();
  await readModel.list({ limit: 2 });
  await readModel.list({ limit: 2, status: 'deleted' });
};

/** The notification agent: contact details of a known and of an unknown user (read model `get` only). */
export const contactLookupWorkload: TableWorkload = async ({ documentClient }) => {
  const known = userView({ phone: '+15550100' });
  await new DynamoDbUserReadModel({ documentClient: testDynamoClients().documentClient, tableName }).save(
    known,
    0,
  );
  const readModel = new DynamoDbUserReadModel({ documentClient, tableName });
  expect(await readModel.get(known.userId)).toEqual(known);
  expect(await readModel.get(`u-${randomUUID()}`)).toBeUndefined();
};
