import * as z from 'zod';
import { defineMessage } from '../message-type.js';
import { UserIdSchema } from '../order/order-values.js';
import { EmailSchema, PhoneSchema, UserNameSchema, UserStatusSchema } from './user-values.js';

/** What a command answers: the user stream's version after it (pass it to read-your-writes queries). */
const CommandResult = z.object({ userId: UserIdSchema, version: z.number().int().positive() });

/**
 * User management commands, rpc to the users agent. Create claims the email (unique, compared
 * normalized) before appending `UserCreated`; update and delete require an existing, not deleted user.
 *
 * @example
 * ```ts
 * await runtime.send(CreateUser, { userId: 'u-1', email: 'ada@example.com', name: 'Ada' }, new AgentId('users', 'u-1'));
 * ```
 */
export const CreateUser = defineMessage(
  'CreateUser',
  z.object({ userId: UserIdSchema, email: EmailSchema, name: UserNameSchema, phone: PhoneSchema.optional() }),
  { response: CommandResult },
);

/** At least one field besides `userId`. */
export const UpdateUser = defineMessage(
  'UpdateUser',
  z
    .object({
      userId: UserIdSchema,
      email: EmailSchema.optional(),
      name: UserNameSchema.optional(),
      phone: PhoneSchema.optional(),
    })
    .refine(
      (command) => command.email !== undefined || command.name !== undefined || command.phone !== undefined,
      {
        message: 'an update changes at least one of email, name, phone',
      },
    ),
  { response: CommandResult },
);

export const DeleteUser = defineMessage(
  'DeleteUser',
  z.object({ userId: UserIdSchema, reason: z.string().max(500).default('deleted by request') }),
  { response: CommandResult },
);

/** Listing filter: by default deleted users are left out. */
export const UserListFilterSchema = z.object({
  status: UserStatusSchema.optional(),
  limit: z.number().int().min(1).max(100).default(25),
  cursor: z.string().max(1024).optional(),
});
