import * as z from 'zod';
import { defineMessage } from '../message-type.js';
import { UserIdSchema } from '../order/order-values.js';
import { UserListFilterSchema } from './user-commands.js';
import { UserViewSchema } from './user-values.js';

/**
 * User queries: they read only the read model, never the event store. `minVersion` asks for a
 * row at least that fresh (read-your-writes after a command); an older row answers `stale: true`.
 *
 * @example
 * ```ts
 * const { user } = await runtime.send(GetUser, { userId: 'u-1' }, new AgentId('users', 'u-1'));
 * ```
 */
export const GetUser = defineMessage(
  'GetUser',
  z.object({ userId: UserIdSchema, minVersion: z.number().int().positive().optional() }),
  { response: z.object({ user: UserViewSchema.nullable(), stale: z.boolean() }) },
);

/** Pages through users ordered by id; pass `cursor` back for the next page. */
export const ListUsers = defineMessage('ListUsers', UserListFilterSchema, {
  response: z.object({ users: z.array(UserViewSchema), cursor: z.string().optional() }),
});
