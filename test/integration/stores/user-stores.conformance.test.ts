import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { USERS_TABLE } from '../../../lambdas/contracts/tables/users-table.js';
import type { UserView } from '../../../lambdas/contracts/users/user-values.js';
import { DynamoDbUserClaims } from '../../../lambdas/stores/users/dynamodb/dynamodb-user-claims.js';
import { DynamoDbUserReadModel } from '../../../lambdas/stores/users/dynamodb/dynamodb-user-read-model.js';
import { InMemoryUserClaims } from '../../../lambdas/stores/users/in-memory/in-memory-user-claims.js';
import { InMemoryUserReadModel } from '../../../lambdas/stores/users/in-memory/in-memory-user-read-model.js';
import type { UserClaimsPort } from '../../../lambdas/stores/users/user-claims-port.js';
import type { UserReadModelPort } from '../../../lambdas/stores/users/user-read-model-port.js';
import { InvalidUsersCursorError } from '../../../lambdas/stores/users/users-store-error.js';
import { testDynamoClients } from '../../support/dynamodb.js';

const dynamo = () => ({
  documentClient: testDynamoClients().documentClient,
  tableName: USERS_TABLE.localName,
});
const adapters: ReadonlyArray<
  readonly [string, () => { claims: UserClaimsPort; readModel: UserReadModelPort }]
> = [
  ['in-memory', () => ({ claims: new InMemoryUserClaims(), readModel: new InMemoryUserReadModel() })],
  [
    'DynamoDB',
    () => ({ claims: new DynamoDbUserClaims(dynamo()), readModel: new DynamoDbUserReadModel(dynamo()) }),
  ],
];

/** Random ids keep parallel test files apart on the shared table. */
const id = (): string => `u-${randomUUID()}`;
const email = (): string => `${randomUUID()}@example.com`;
const view = (overrides: Partial<UserView> = {}): UserView => ({
  userId: id(),
  email: 'ada@example.com',
  name: 'Ada',
  status: 'active',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

/** Pages through a listing until it ends (the shared table holds other tests' users too). */
const drain = async <T>(
  page: (cursor?: string) => Promise<{ items: readonly T[]; cursor?: string }>,
): Promise<T[]> => {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    all.push(...next.items);
    cursor = next.cursor;
  } while (cursor !== undefined);
  return all;
};

describe.each(adapters)('UserClaims conformance: %s', (_name, make) => {
  const { claims } = make();

  it('registers an id once', async () => {
    const userId = id();
    expect(await claims.register(userId, 1)).toEqual({ created: true });
    expect(await claims.register(userId, 2)).toEqual({ created: false });
  });

  it('lets one user hold an address, again for itself, and reports the holder to others', async () => {
    const [address, holder] = [email(), id()];
    expect(await claims.claimEmail(address, holder, 100)).toEqual({
      kind: 'claimed',
      claim: { email: address, userId: holder, claimedAtMs: 100 },
    });
    expect(await claims.claimEmail(address, holder, 200)).toEqual({
      kind: 'claimed',
      claim: { email: address, userId: holder, claimedAtMs: 100 },
    });
    expect(await claims.claimEmail(address, id(), 300)).toMatchObject({
      kind: 'held',
      claim: { userId: holder },
    });
  });

  it('gives an address to exactly one of many concurrent claimants', async () => {
    const address = email();
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => claims.claimEmail(address, id(), 1)));
    expect(outcomes.filter((o) => o.kind === 'claimed')).toHaveLength(1);
  });

  it('takes over only the exact claim judged stale', async () => {
    const [address, crashed, taker] = [email(), id(), id()];
    await claims.claimEmail(address, crashed, 100);
    expect(
      await claims.takeOverEmail(address, { email: address, userId: crashed, claimedAtMs: 99 }, taker, 500),
    ).toBe(false);
    expect(
      await claims.takeOverEmail(address, { email: address, userId: crashed, claimedAtMs: 100 }, taker, 500),
    ).toBe(true);
    expect(await claims.emailClaim(address)).toEqual({ email: address, userId: taker, claimedAtMs: 500 });
  });

  it('releases only for the holder', async () => {
    const [address, holder] = [email(), id()];
    await claims.claimEmail(address, holder, 1);
    await claims.releaseEmail(address, id());
    expect((await claims.emailClaim(address))?.userId).toBe(holder);
    await claims.releaseEmail(address, holder);
    expect(await claims.emailClaim(address)).toBeUndefined();
  });

  it('lists registrations in id order across pages', async () => {
    const mine = [id(), id(), id()];
    for (const userId of mine) await claims.register(userId, 1);
    const all = await drain(async (cursor) => {
      const page = await claims.registrations({ limit: 2, ...(cursor === undefined ? {} : { cursor }) });
      return { items: page.userIds, ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
    });
    expect(all.filter((userId) => mine.includes(userId))).toEqual([...mine].sort());
    expect(all).toEqual([...all].sort());
  });
});

describe.each(adapters)('UserReadModel conformance: %s', (_name, make) => {
  const { readModel } = make();

  it('saves a new row only where none exists, then only from the version read', async () => {
    const row = view();
    expect(await readModel.save(row, 0)).toBe(true);
    expect(await readModel.save(row, 0)).toBe(false);
    expect(await readModel.save({ ...row, name: 'Ada L.', version: 2 }, 1)).toBe(true);
    expect(await readModel.save({ ...row, name: 'stale', version: 2 }, 1)).toBe(false);
    expect(await readModel.get(row.userId)).toEqual({ ...row, name: 'Ada L.', version: 2 });
  });

  it('replaces a row at the same or an older version, keeping an optional phone', async () => {
    const row = view({ phone: '+14155550100', version: 3 });
    await readModel.save({ ...row, name: 'drifted' }, 0);
    await readModel.replace(row);
    expect(await readModel.get(row.userId)).toEqual(row);
    await readModel.replace(view({ userId: row.userId, version: 2, name: 'older fold' }));
    expect(await readModel.get(row.userId)).toEqual(row);
  });

  it('lists rows in id order, filtered by status, across pages', async () => {
    const rows = [view(), view({ status: 'deleted' }), view(), view()];
    for (const row of rows) await readModel.save(row, 0);
    const ids = rows.map((r) => r.userId);
    const active = await drain(async (cursor) => {
      const page = await readModel.list({
        status: 'active',
        limit: 2,
        ...(cursor === undefined ? {} : { cursor }),
      });
      expect(page.users.length).toBeLessThanOrEqual(2);
      return { items: page.users, ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
    });
    const mine = active.filter((u) => ids.includes(u.userId)).map((u) => u.userId);
    expect(mine).toEqual(
      rows
        .filter((r) => r.status === 'active')
        .map((r) => r.userId)
        .sort(),
    );
    expect(active.every((u) => u.status === 'active')).toBe(true);
  });

  it('refuses a cursor it did not issue', async () => {
    const error = await readModel.list({ limit: 2, cursor: 'bm90LWEtY3Vyc29y' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidUsersCursorError);
  });
});
