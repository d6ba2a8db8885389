import { describe, expect, it } from 'vitest';
import { inMemoryOrderSystem } from '../../../../lambdas/agents/in-memory-order-system.js';
import { claimEmail } from '../../../../lambdas/agents/users/claim-email.js';
import { userCommands } from '../../../../lambdas/agents/users/user-commands.js';
import {
  EmailAlreadyTakenError,
  UserAlreadyExistsError,
  UserNotFoundError,
} from '../../../../lambdas/agents/users/users-error.js';
import { userStreamId } from '../../../../lambdas/contracts/users/user-values.js';

const ada = { userId: 'u-ada', email: 'ada@example.com', name: 'Ada' };

describe('user commands', () => {
  it('creates a user as a UserCreated event and claims the normalized email', async () => {
    const { users, stores } = inMemoryOrderSystem();
    expect(await users.commands.create({ ...ada, email: ' Ada@Example.COM ' })).toEqual({
      userId: 'u-ada',
      version: 1,
    });
    const page = await stores.events.readForward(userStreamId('u-ada'));
    expect(page.events.map((e) => e.type)).toEqual(['UserCreated']);
    expect(await stores.claims.emailClaim('ada@example.com')).toMatchObject({ userId: 'u-ada' });
  });

  it('refuses a second user with the same email, in any case', async () => {
    const { users, stores } = inMemoryOrderSystem();
    await users.commands.create(ada);
    await expect(
      users.commands.create({ userId: 'u-bob', email: 'ADA@example.com', name: 'Bob' }),
    ).rejects.toMatchObject({
      name: 'EmailAlreadyTakenError',
      heldBy: 'u-ada',
    });
    expect(await stores.events.currentVersion(userStreamId('u-bob'))).toBe(0);
  });

  it('lets exactly one of two concurrent creates with one email win', async () => {
    const { users } = inMemoryOrderSystem();
    const results = await Promise.allSettled([
      users.commands.create({ userId: 'u-1', email: 'same@example.com', name: 'One' }),
      users.commands.create({ userId: 'u-2', email: 'same@example.com', name: 'Two' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(EmailAlreadyTakenError);
  });

  it('refuses a taken user id with UserAlreadyExistsError', async () => {
    const { users } = inMemoryOrderSystem();
    await users.commands.create(ada);
    await expect(users.commands.create({ ...ada, email: 'other@example.com' })).rejects.toBeInstanceOf(
      UserAlreadyExistsError,
    );
  });

  it('moves the claim on an email change, freeing the old address', async () => {
    const { users, stores } = inMemoryOrderSystem();
    await users.commands.create(ada);
    expect(await users.commands.update({ userId: 'u-ada', email: 'lovelace@example.com' })).toEqual({
      userId: 'u-ada',
      version: 2,
    });
    expect(await stores.claims.emailClaim('ada@example.com')).toBeUndefined();
    await users.commands.create({ userId: 'u-new', email: 'ada@example.com', name: 'New Ada' });
  });

  it('appends nothing for an update that changes nothing', async () => {
    const { users } = inMemoryOrderSystem();
    await users.commands.create(ada);
    expect(await users.commands.update({ userId: 'u-ada', name: 'Ada' })).toEqual({
      userId: 'u-ada',
      version: 1,
    });
  });

  it('requires an existing, not deleted user for update and delete', async () => {
    const { users } = inMemoryOrderSystem();
    await expect(users.commands.update({ userId: 'ghost', name: 'X' })).rejects.toBeInstanceOf(
      UserNotFoundError,
    );
    await expect(users.commands.delete({ userId: 'ghost', reason: 'x' })).rejects.toBeInstanceOf(
      UserNotFoundError,
    );
    await users.commands.create(ada);
    await users.commands.delete({ userId: 'u-ada', reason: 'gdpr' });
    await expect(users.commands.update({ userId: 'u-ada', name: 'X' })).rejects.toBeInstanceOf(
      UserNotFoundError,
    );
  });

  it('marks a deleted user deleted, frees the email, and repeats the delete as a no-op', async () => {
    const { users, stores } = inMemoryOrderSystem();
    await users.commands.create(ada);
    expect(await users.commands.delete({ userId: 'u-ada', reason: 'gdpr' })).toEqual({
      userId: 'u-ada',
      version: 2,
    });
    expect(await users.commands.delete({ userId: 'u-ada', reason: 'gdpr' })).toEqual({
      userId: 'u-ada',
      version: 2,
    });
    expect(await stores.claims.emailClaim('ada@example.com')).toBeUndefined();
  });

  it('heals a claim left by a create that died before its append: the retry completes it', async () => {
    const { users, stores } = inMemoryOrderSystem();
    await stores.claims.register('u-ada', 0);
    await stores.claims.claimEmail('ada@example.com', 'u-ada', Date.now());
    expect(await users.commands.create(ada)).toEqual({ userId: 'u-ada', version: 1 });
  });

  it('lets another user take over a dead claim after the grace period, but not before', async () => {
    const { stores } = inMemoryOrderSystem();
    let now = 1_000_000;
    const deps = {
      events: stores.events,
      claims: stores.claims,
      claimGraceMs: 60_000,
      clock: { now: () => now },
    };
    await stores.claims.claimEmail('dead@example.com', 'u-crashed', now);
    const commands = userCommands(deps);
    await expect(
      commands.create({ userId: 'u-2', email: 'dead@example.com', name: 'Two' }),
    ).rejects.toBeInstanceOf(EmailAlreadyTakenError);
    now += 60_001;
    expect(await claimEmail(deps, 'dead@example.com', 'u-2')).toBe('dead@example.com');
    expect(await stores.claims.emailClaim('dead@example.com')).toMatchObject({ userId: 'u-2' });
  });
});
