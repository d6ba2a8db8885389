import * as z from 'zod';
import { defineMessage } from '../message-type.js';
import { UserIdSchema } from '../order/order-values.js';
import { EmailSchema, PhoneSchema, UserNameSchema } from './user-values.js';

/**
 * Domain events of the user aggregate, appended to stream `user-<userId>`. The outbox publishes
 * each on topic `domain.<type>`; the users agent's projection folds them into the read model.
 *
 * @example
 * ```ts
 * const data = UserCreated.parse(storedEvent.data);
 * ```
 */
export const UserCreated = defineMessage(
  'UserCreated',
  z.object({ userId: UserIdSchema, email: EmailSchema, name: UserNameSchema, phone: PhoneSchema.optional() }),
);

/** Only the fields that changed are present. */
export const UserUpdated = defineMessage(
  'UserUpdated',
  z.object({
    userId: UserIdSchema,
    email: EmailSchema.optional(),
    name: UserNameSchema.optional(),
    phone: PhoneSchema.optional(),
  }),
);

/** The user is marked deleted (delete marks the status deleted); the stream stays. */
export const UserDeleted = defineMessage(
  'UserDeleted',
  z.object({ userId: UserIdSchema, reason: z.string().max(500) }),
);

export const USER_EVENT_TYPES = [UserCreated.name, UserUpdated.name, UserDeleted.name] as const;
