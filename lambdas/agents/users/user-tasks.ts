import type { MessageOf, ResponseOf } from '../../contracts/message-type.js';
import type { ValidateUser } from '../../contracts/order/saga-tasks.js';
import { userStreamId } from '../../contracts/users/user-values.js';
import type { EventStore } from '../../stores/event-store/event-store.js';
import { userReducer } from './user-reducer.js';
import { UserInvalidError } from './users-error.js';

export interface UserTasks {
  validate(input: MessageOf<typeof ValidateUser>): Promise<ResponseOf<typeof ValidateUser>>;
}

/**
 * The users agent's saga step. ValidateUser decides on the aggregate (the user stream, strongly consistent)
 * rather than the read model, so a user created a moment ago validates; it only reads, so it is idempotent
 * per (sagaId, step) without a record.
 *
 * @example
 * ```ts
 * await userTasks({ events }).validate({ sagaId, orderId, userId: 'u-1' });
 * ```
 */
export function userTasks(deps: { readonly events: EventStore }): UserTasks {
  return {
    async validate({ userId }) {
      const { state: user, version } = await deps.events.load(userStreamId(userId), userReducer);
      if (user === null) throw new UserInvalidError(userId, 'not-found');
      if (user.status === 'deleted') throw new UserInvalidError(userId, 'deleted');
      return { userId, email: user.email, name: user.name, version };
    },
  };
}
