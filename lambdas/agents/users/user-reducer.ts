import { UserCreated, UserDeleted, UserUpdated } from '../../contracts/users/user-events.js';
import type { UserView } from '../../contracts/users/user-values.js';
import type { Reducer } from '../../stores/event-store/reducer.js';

/**
 * Folds `user-<userId>` into a {@link UserView} (`null` before UserCreated). The aggregate (commands,
 * ValidateUser) and the read model projection share it, so a rebuild from version 0 is the same fold as the
 * live projection, event for event. Pure; payloads are parsed with their schemas.
 *
 * @example
 * ```ts
 * const { state: user, version } = await events.load(userStreamId('u-1'), userReducer);
 * ```
 */
export const userReducer: Reducer<UserView | null> = {
  version: 1,
  initial: () => null,
  apply(user, event) {
    const at = event.metadata.time;
    if (event.type === UserCreated.name) {
      const { userId, email, name, phone } = UserCreated.parse(event.data);
      return {
        userId,
        email,
        name,
        ...(phone === undefined ? {} : { phone }),
        status: 'active',
        version: event.version,
        createdAt: at,
        updatedAt: at,
      };
    }
    if (user === null) return null;
    if (event.type === UserUpdated.name) {
      const { email, name, phone } = UserUpdated.parse(event.data);
      return {
        ...user,
        ...(email === undefined ? {} : { email }),
        ...(name === undefined ? {} : { name }),
        ...(phone === undefined ? {} : { phone }),
        version: event.version,
        updatedAt: at,
      };
    }
    if (event.type === UserDeleted.name)
      return { ...user, status: 'deleted', version: event.version, updatedAt: at };
    return { ...user, version: event.version };
  },
};
