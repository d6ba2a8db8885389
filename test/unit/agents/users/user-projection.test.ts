import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inMemoryOrderSystem } from '../../../../lambdas/agents/in-memory-order-system.js';
import { userProjection } from '../../../../lambdas/agents/users/user-projection.js';
import { InMemoryUserReadModel } from '../../../../lambdas/stores/users/in-memory/in-memory-user-read-model.js';

const ada = { userId: 'u-ada', email: 'ada@example.com', name: 'Ada' };

describe('user projection and queries', () => {
  it('serves a created user from the read model once caught up, not before', async () => {
    const { users } = inMemoryOrderSystem();
    await users.commands.create(ada);
    expect(await users.queries.get({ userId: 'u-ada', minVersion: 1 })).toEqual({ user: null, stale: true });
    await users.projection.catchUp('u-ada');
    expect(await users.queries.get({ userId: 'u-ada', minVersion: 1 })).toMatchObject({
      user: { userId: 'u-ada', email: 'ada@example.com', status: 'active', version: 1 },
      stale: false,
    });
  });

  it('applies nothing twice: repeated and concurrent catch-ups leave one consistent row', async () => {
    const { users, stores } = inMemoryOrderSystem();
    await users.commands.create(ada);
    await users.commands.update({ userId: 'u-ada', name: 'Ada Lovelace' });
    await Promise.all([
      users.projection.catchUp('u-ada'),
      users.projection.catchUp('u-ada'),
      users.projection.catchUp('u-ada'),
    ]);
    expect(await stores.readModel.get('u-ada')).toMatchObject({ name: 'Ada Lovelace', version: 2 });
  });

  it('lists active users in id order, leaving deleted ones out unless asked', async () => {
    const { users } = inMemoryOrderSystem();
    for (const id of ['u-c', 'u-a', 'u-b']) {
      await users.commands.create({ userId: id, email: `${id}@example.com`, name: id });
      await users.projection.catchUp(id);
    }
    await users.commands.delete({ userId: 'u-b', reason: 'gone' });
    await users.projection.catchUp('u-b');
    const first = await users.queries.list({ limit: 1 });
    expect(first.users.map((u) => u.userId)).toEqual(['u-a']);
    const rest = await users.queries.list({
      limit: 10,
      ...(first.cursor === undefined ? {} : { cursor: first.cursor }),
    });
    expect(rest.users.map((u) => u.userId)).toEqual(['u-c']);
    expect((await users.queries.list({ status: 'deleted', limit: 10 })).users.map((u) => u.userId)).toEqual([
      'u-b',
    ]);
  });

  it('rebuilds from version 0 into exactly the live read model, for any command history', async () => {
    const command = fc.oneof(
      fc.record({
        kind: fc.constant('create' as const),
        user: fc.integer({ min: 0, max: 3 }),
        mail: fc.integer({ min: 0, max: 4 }),
      }),
      fc.record({
        kind: fc.constant('rename' as const),
        user: fc.integer({ min: 0, max: 3 }),
        name: fc.string({ minLength: 1, maxLength: 8 }),
      }),
      fc.record({
        kind: fc.constant('remail' as const),
        user: fc.integer({ min: 0, max: 3 }),
        mail: fc.integer({ min: 0, max: 4 }),
      }),
      fc.record({ kind: fc.constant('delete' as const), user: fc.integer({ min: 0, max: 3 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 25 }), async (commands) => {
        const { users, stores } = inMemoryOrderSystem();
        for (const c of commands) {
          const userId = `u-${c.user}`;
          const run =
            c.kind === 'create'
              ? users.commands.create({ userId, email: `m${c.mail}@example.com`, name: 'N' })
              : c.kind === 'rename'
                ? users.commands.update({ userId, name: c.name.trim() || 'N' })
                : c.kind === 'remail'
                  ? users.commands.update({ userId, email: `m${c.mail}@example.com` })
                  : users.commands.delete({ userId, reason: 'r' });
          // Business refusals (taken email, unknown user, ...) are part of the history being replayed.
          await run.catch(() => undefined);
          await users.projection.catchUp(userId);
        }
        const live = await stores.readModel.list({ limit: 100 });
        const rebuiltModel = new InMemoryUserReadModel();
        const rebuilt = userProjection({
          events: stores.events,
          readModel: rebuiltModel,
          claims: stores.claims,
        });
        await rebuilt.rebuildAll();
        expect((await rebuiltModel.list({ limit: 100 })).users).toEqual(live.users);
      }),
      { numRuns: 60 },
    );
  });

  it('heals a missed event: catching up from an older row applies everything after its checkpoint', async () => {
    const { users, stores } = inMemoryOrderSystem();
    await users.commands.create(ada);
    await users.projection.catchUp('u-ada');
    await users.commands.update({ userId: 'u-ada', name: 'A' });
    await users.commands.update({ userId: 'u-ada', phone: '+14155550100' });
    expect(await users.projection.catchUp('u-ada')).toMatchObject({
      name: 'A',
      phone: '+14155550100',
      version: 3,
    });
    expect((await stores.readModel.get('u-ada'))?.version).toBe(3);
  });
});
