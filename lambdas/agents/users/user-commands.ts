import { systemClock } from '../../contracts/clock.js';
import type { MessageOf, ResponseOf } from '../../contracts/message-type.js';
import type { CreateUser, DeleteUser, UpdateUser } from '../../contracts/users/user-commands.js';
import { UserCreated, UserDeleted, UserUpdated } from '../../contracts/users/user-events.js';
import { normalizeEmail, userStreamId } from '../../contracts/users/user-values.js';
import type { EventStore } from '../../stores/event-store/event-store.js';
import { isConcurrencyError } from '../../stores/event-store/event-store-error.js';
import type { UserClaimsPort } from '../../stores/users/user-claims-port.js';
import { type ClaimEmailDeps, claimEmail } from './claim-email.js';
import { userReducer } from './user-reducer.js';
import { UserAlreadyExistsError, UserNotFoundError } from './users-error.js';

export interface UserCommandDeps extends ClaimEmailDeps {
  readonly events: EventStore;
  readonly claims: UserClaimsPort;
}

type Result = ResponseOf<typeof CreateUser>;

export interface UserCommands {
  create(command: MessageOf<typeof CreateUser>): Promise<Result>;
  update(command: MessageOf<typeof UpdateUser>): Promise<Result>;
  delete(command: MessageOf<typeof DeleteUser>): Promise<Result>;
}

/**
 * The write side of user management: each command validates against the aggregate (the user
 * stream), appends its event with the expected version, and keeps the email claims in step. The email
 * claim comes first; a failed append releases it (see `claimEmail` for the crash windows and how they heal).
 *
 * @example
 * ```ts
 * const commands = userCommands({ events, claims, claimGraceMs: DEFAULT_CLAIM_GRACE_MS });
 * await commands.create({ userId: 'u-1', email: 'ada@example.com', name: 'Ada' });
 * ```
 */
export function userCommands(deps: UserCommandDeps): UserCommands {
  const { events, claims } = deps;
  const load = (userId: string) => events.load(userStreamId(userId), userReducer);

  /** Appends; on failure gives back a claim this command took, unless the stream now shows it in use. */
  const appendReleasing = async (
    userId: string,
    expected: number | 'no-stream',
    event: { type: string; data: unknown },
    claimed?: string,
  ): Promise<number> => {
    try {
      return (await events.append(userStreamId(userId), expected, [event])).nextExpectedVersion;
    } catch (error) {
      if (claimed !== undefined) {
        const { state } = await load(userId).catch(() => ({ state: undefined }));
        // Unknown state (the load failed too): keep the claim; the grace-period healing frees it if it is debris.
        if (state !== undefined && (state === null || normalizeEmail(state.email) !== claimed)) {
          await claims.releaseEmail(claimed, userId);
        }
      }
      throw error;
    }
  };

  const requireActive = async (userId: string) => {
    const loaded = await load(userId);
    if (loaded.state === null || loaded.state.status === 'deleted') throw new UserNotFoundError(userId);
    return { user: loaded.state, version: loaded.version };
  };

  return {
    async create({ userId, email, name, phone }) {
      const { created } = await claims.register(userId, (deps.clock ?? systemClock).now());
      // A registration without events is a create that died before its append: this retry completes it.
      if (!created && (await events.currentVersion(userStreamId(userId))) > 0)
        throw new UserAlreadyExistsError(userId);
      const claimed = await claimEmail(deps, email, userId);
      const data = UserCreated.parse({ userId, email, name, ...(phone === undefined ? {} : { phone }) });
      try {
        const version = await appendReleasing(userId, 'no-stream', { type: UserCreated.name, data }, claimed);
        return { userId, version };
      } catch (error) {
        if (isConcurrencyError(error)) throw new UserAlreadyExistsError(userId, { cause: error });
        throw error;
      }
    },

    async update(command) {
      const { user, version } = await requireActive(command.userId);
      const emailChanges =
        command.email !== undefined && normalizeEmail(command.email) !== normalizeEmail(user.email);
      const changes = {
        ...(emailChanges ? { email: command.email } : {}),
        ...(command.name !== undefined && command.name !== user.name ? { name: command.name } : {}),
        ...(command.phone !== undefined && command.phone !== user.phone ? { phone: command.phone } : {}),
      };
      // Nothing differs: a repeated update appends nothing.
      if (Object.keys(changes).length === 0) return { userId: user.userId, version };
      const claimed =
        emailChanges && command.email ? await claimEmail(deps, command.email, user.userId) : undefined;
      const data = UserUpdated.parse({ userId: user.userId, ...changes });
      const next = await appendReleasing(user.userId, version, { type: UserUpdated.name, data }, claimed);
      if (claimed !== undefined) await claims.releaseEmail(normalizeEmail(user.email), user.userId);
      return { userId: user.userId, version: next };
    },

    async delete({ userId, reason }) {
      const loaded = await load(userId);
      if (loaded.state === null) throw new UserNotFoundError(userId);
      // Deleting a deleted user is a repeat: nothing to append.
      if (loaded.state.status === 'deleted') return { userId, version: loaded.version };
      const data = UserDeleted.parse({ userId, reason });
      const next = await appendReleasing(userId, loaded.version, { type: UserDeleted.name, data });
      await claims.releaseEmail(normalizeEmail(loaded.state.email), userId);
      return { userId, version: next };
    },
  };
}
