import type { MessageOf, ResponseOf } from '../../contracts/message-type.js';
import type { GetUser, ListUsers } from '../../contracts/users/user-queries.js';
import type { UserReadModelPort } from '../../stores/users/user-read-model-port.js';

export interface UserQueries {
  get(query: MessageOf<typeof GetUser>): Promise<ResponseOf<typeof GetUser>>;
  list(query: MessageOf<typeof ListUsers>): Promise<ResponseOf<typeof ListUsers>>;
}

/**
 * The read side of user management: answers only from the read model. Listing leaves deleted
 * users out unless asked for them by status.
 *
 * @example
 * ```ts
 * const { user } = await userQueries({ readModel }).get({ userId: 'u-1' });
 * ```
 */
export function userQueries(deps: { readonly readModel: UserReadModelPort }): UserQueries {
  const { readModel } = deps;
  return {
    async get({ userId, minVersion }) {
      const user = (await readModel.get(userId)) ?? null;
      const stale = minVersion !== undefined && (user?.version ?? 0) < minVersion;
      return { user, stale };
    },

    async list({ status, limit, cursor }) {
      const page = await readModel.list({
        status: status ?? 'active',
        limit,
        ...(cursor === undefined ? {} : { cursor }),
      });
      return { users: [...page.users], ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
    },
  };
}
