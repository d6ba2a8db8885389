import { type ProducerDirectory, resolveSenders, type SenderRules } from '../../contracts/senders.js';
import type { Subscription } from '../subscription.js';
import type { TopicId } from '../topic-id.js';
import { ForbiddenSenderError } from './agent-handler-error.js';

/** Where an EventBridge event says it comes from, and what it carries. */
export interface EventOrigin {
  readonly source: string;
  readonly account: string;
  readonly detailType: string;
  /** The message type dispatched (`metadata.type`; a bare detail's detail-type). */
  readonly messageType: string;
  readonly topic: TopicId;
}

/** What the guard checks against: the hosted subscriptions and the deployment's producers. */
export interface SenderGuardOptions {
  readonly subscriptions: readonly Subscription[];
  readonly producers: ProducerDirectory;
}

function admits(
  senders: SenderRules,
  origin: EventOrigin,
  ownAccount: string | undefined,
  producers: ProducerDirectory,
): boolean {
  return [...new Set([origin.detailType, origin.messageType])].every((type) => {
    const rule = senders[type];
    // A producer nobody configured admits nobody.
    if (rule === undefined || (rule.kind === 'producer' && producers[type] === undefined)) return false;
    // Without its own account (an ARN that names none) a function admits only the producers' other accounts.
    const { sources, accounts } = resolveSenders(type, rule, ownAccount ?? '', producers);
    return sources.includes(origin.source) && origin.account !== '' && accounts.includes(origin.account);
  });
}

/**
 * The Lambda adapter's second check behind the rule patterns: an event is dispatched only when a subscription
 * of the receiving agent whose topic it matches admits its detail-type (and message type) from its `source`
 * and `account`, by the same sender rules the rules were compiled from. A topic no subscription matches, or a
 * subscription that declares no senders, is left to routing as before. Throws {@link ForbiddenSenderError}.
 *
 * @example
 * ```ts
 * const guard = senderGuard({ subscriptions: LIFECYCLE_AGENT.subscriptions ?? [], producers });
 * guard(origin, '123456789012'); // throws for a PaymentCompleted from 'shop.checkout'
 * ```
 */
export function senderGuard(
  options: SenderGuardOptions,
): (origin: EventOrigin, ownAccount: string | undefined) => void {
  return (origin, ownAccount) => {
    const matching = options.subscriptions.filter((subscription) => subscription.isMatch(origin.topic));
    if (matching.length === 0) return;
    const allowed = matching.some(
      (subscription) =>
        subscription.senders === undefined ||
        admits(subscription.senders, origin, ownAccount, options.producers),
    );
    if (!allowed) throw new ForbiddenSenderError(origin.detailType, origin.source, origin.account);
  };
}

/** The account of a Lambda function from its invoked ARN (`arn:aws:lambda:<region>:<account>:function:…`). */
export const accountOfFunctionArn = (arn: string | undefined): string | undefined => {
  const account = arn?.split(':')[4];
  return account !== undefined && /^\d{12}$/.test(account) ? account : undefined;
};
