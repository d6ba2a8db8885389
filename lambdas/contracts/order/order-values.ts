import * as z from 'zod';

/** Order ids double as Step Functions execution names: 1–80 characters of `[A-Za-z0-9-_]`. */
export const OrderIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,80}$/, 'order ids are 1–80 letters, digits, "-" or "_"');

/**
 * A carrier's tracking number: it comes from outside and is mailed and texted to the customer, so it is held
 * to letters, digits and inner hyphens, at most 40 characters — no spaces, links or free text.
 */
export const TrackingNumberSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$/,
    'tracking numbers are 1–40 letters, digits or inner "-"',
  );

export const UserIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'user ids are 1–64 letters, digits, "-" or "_"');

export const SkuSchema = z
  .string()
  .regex(/^[A-Z0-9-]{1,40}$/, 'SKUs are 1–40 upper-case letters, digits or "-"');

/** Money in minor units (cents), never floats. */
export const MinorUnitsSchema = z.number().int().nonnegative();

export const OrderLineSchema = z.object({
  sku: SkuSchema,
  quantity: z.number().int().positive().max(1_000),
  unitPrice: MinorUnitsSchema,
});
export type OrderLine = z.infer<typeof OrderLineSchema>;

export const PaymentMethodSchema = z.object({
  /** An opaque token from the card vault. See the payment agent for the token that always declines. */
  cardToken: z.string().min(1).max(128),
});

/** The saga id is the Step Functions execution id; (sagaId, step) keys every idempotent step. */
export const SagaStepKeySchema = z.object({ sagaId: z.string().min(1).max(256), orderId: OrderIdSchema });
