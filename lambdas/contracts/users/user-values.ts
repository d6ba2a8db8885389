import * as z from 'zod';
import { UserIdSchema } from '../order/order-values.js';

/** An email as given; uniqueness compares it normalized (see `normalizeEmail`). */
export const EmailSchema = z.string().trim().max(254).pipe(z.email());

/** E.164 phone number, for SMS notifications. */
export const PhoneSchema = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, 'phone numbers are E.164, e.g. +14155550100');

export const UserNameSchema = z.string().trim().min(1).max(200);

export const UserStatusSchema = z.enum(['active', 'deleted']);
export type UserStatus = z.infer<typeof UserStatusSchema>;

/**
 * A user as the read model serves it. `version` is the user stream's version the row reflects: the
 * projection's per-stream checkpoint.
 */
export const UserViewSchema = z.object({
  userId: UserIdSchema,
  email: z.string(),
  name: z.string(),
  phone: z.string().optional(),
  status: UserStatusSchema,
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserView = z.infer<typeof UserViewSchema>;

/** The user's event stream: `user-<userId>` (the event store's `<category>-<id>` convention). */
export const userStreamId = (userId: string): string => `user-${userId}`;

/**
 * The form emails are compared in: trimmed and lower-cased. (Local parts are case-sensitive in theory; no
 * mail provider in practice treats them so, and two accounts differing only by case are a support problem.)
 *
 * @example
 * ```ts
 * normalizeEmail(' Ada@Example.COM '); // 'ada@example.com'
 * ```
 */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
