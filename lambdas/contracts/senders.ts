import * as z from 'zod';
import { ContractError } from './contract-error.js';

/**
 * Who may send one message type to a subscription (DESIGN: "who may send what is part of the contract"):
 * - `agentbridge`: an agentbridge component, by its source (`agentbridge.outbox`, `agentbridge.<agent type>`),
 *   from the bus's own account only;
 * - `producer`: another service, with whatever source and accounts the deployment configures for the message
 *   type (see {@link ProducerDirectory}); the bus's own account is always allowed besides those.
 */
export type SenderRule =
  | { readonly kind: 'agentbridge'; readonly source: string }
  | { readonly kind: 'producer' };

/** Message type → who may send it, as one subscription declares it. */
export type SenderRules = Readonly<Record<string, SenderRule>>;

/** Only the agentbridge component writing `source`, from the bus's own account. */
export const fromAgentbridge = (source: string): SenderRule => ({ kind: 'agentbridge', source });

/** Only the producer the deployment configures for the message type. */
export const fromProducer = (): SenderRule => ({ kind: 'producer' });

const ACCOUNT_ID = /^\d{12}$/;
/** EventBridge `source`: 1 to 256 characters; agentbridge's own prefix is reserved (checked by the resolver). */
const SourceSchema = z.string().min(1).max(256);

/** The sources and other accounts one externally produced message type may come from. */
export const ProducerSchema = z.object({
  sources: z.array(SourceSchema).min(1),
  /** Accounts besides the bus's own (cross-account producers). */
  accounts: z.array(z.string().regex(ACCOUNT_ID, 'expected a 12-digit account id')),
});
export type Producer = z.infer<typeof ProducerSchema>;

/** Message type → its producer, as a deployment configures it (the CDK context, a function's environment). */
export const ProducerDirectorySchema = z.record(z.string().min(1).max(128), ProducerSchema);
export type ProducerDirectory = Readonly<Record<string, Producer>>;

/** The concrete senders a rule resolves to: EventBridge `source` values and `account` values. */
export interface ResolvedSenders {
  readonly sources: readonly string[];
  readonly accounts: readonly string[];
}

/** A subscription names a producer for a message type the deployment has not configured. */
export class UnknownProducerError extends ContractError {
  override readonly name = 'UnknownProducerError';
  readonly messageType: string;

  constructor(messageType: string) {
    super('UNKNOWN_PRODUCER', `No producer is configured for message type ${messageType}`);
    this.messageType = messageType;
  }
}

/**
 * The sources and accounts a rule admits in a deployment whose bus lives in `ownAccount`.
 *
 * @example
 * ```ts
 * resolveSenders('PaymentCompleted', fromProducer(), '123456789012', { PaymentCompleted: { sources: ['payments.gateway'], accounts: ['222222222222'] } });
 * // { sources: ['payments.gateway'], accounts: ['123456789012', '222222222222'] }
 * ```
 */
export function resolveSenders(
  messageType: string,
  rule: SenderRule,
  ownAccount: string,
  producers: ProducerDirectory,
): ResolvedSenders {
  if (rule.kind === 'agentbridge') return { sources: [rule.source], accounts: [ownAccount] };
  const producer = producers[messageType];
  if (producer === undefined) throw new UnknownProducerError(messageType);
  return {
    sources: [...producer.sources],
    accounts: [ownAccount, ...producer.accounts.filter((account) => account !== ownAccount)],
  };
}
