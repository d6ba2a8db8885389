import { AgentbridgeError } from '../contracts/agentbridge-error.js';
import type { SenderRule, SenderRules } from '../contracts/senders.js';
import type { AgentSpec } from './agent-spec.js';
import type { Subscription } from './subscription.js';
import { TypePrefixSubscription } from './type-prefix-subscription.js';

/**
 * The subscription registering an agent type adds (AutoGen's `BaseAgent.register`): topic types starting with
 * `"<type>:"` go to `AgentId(type, topic.source)`. The `:` keeps `orders` from receiving `orders2:…`. With
 * `senders`, only those message types from those senders (as for any subscription).
 *
 * @example
 * ```ts
 * directMessageSubscription('triage').isMatch(new TopicId('triage:urgent', 't-1')); // true → triage/t-1
 * ```
 */
export const directMessageSubscription = (agentType: string, senders?: SenderRules): TypePrefixSubscription =>
  new TypePrefixSubscription(`${agentType}:`, agentType, senders === undefined ? undefined : { senders });

/** Two subscriptions of one agent name different senders for one message type: its direct messages cannot take both. */
export class AmbiguousDirectMessageSendersError extends AgentbridgeError {
  override readonly name = 'AmbiguousDirectMessageSendersError';
  readonly agentType: string;
  readonly messageType: string;

  constructor(agentType: string, messageType: string) {
    super(
      'AMBIGUOUS_DIRECT_MESSAGE_SENDERS',
      `Agent ${JSON.stringify(agentType)}: its subscriptions name different senders for ${messageType}; declare directMessageSenders`,
    );
    this.agentType = agentType;
    this.messageType = messageType;
  }
}

/**
 * Who may send an agent direct messages: its `directMessageSenders` when declared, else every sender rule its
 * subscriptions declare (a direct message may carry what the agent accepts, from whom it accepts it), else
 * nobody is named and any sender matches, as for a subscription without senders.
 */
function directMessageSendersOf(spec: AgentSpec): SenderRules | undefined {
  if (spec.directMessageSenders !== undefined) return spec.directMessageSenders;
  const merged: Record<string, SenderRule> = {};
  for (const subscription of spec.subscriptions ?? []) {
    for (const [messageType, rule] of Object.entries(subscription.senders ?? {})) {
      const known = merged[messageType];
      if (known !== undefined && JSON.stringify(known) !== JSON.stringify(rule)) {
        throw new AmbiguousDirectMessageSendersError(spec.agentType, messageType);
      }
      merged[messageType] = rule;
    }
  }
  return Object.keys(merged).length === 0 ? undefined : merged;
}

/**
 * Every subscription an agent is hosted with: its declared ones, then its direct-message prefix `"<type>:"`
 * unless it skips it or hosts no agent (a stream consumer). The construct deploys one rule for each, the
 * Lambda adapter routes and checks senders by them, `registerAgent` adds them in process: publishing to
 * `"<type>:<x>"` reaches the agent alike on AWS and in process.
 *
 * @example
 * ```ts
 * agentSubscriptions({ agentType: 'triage', subscriptions: [new TypeSubscription('tickets', 'triage')] });
 * // [type:tickets->triage, prefix:triage:->triage]
 * ```
 */
export function agentSubscriptions(spec: AgentSpec): readonly Subscription[] {
  const declared = spec.subscriptions ?? [];
  if (spec.skipDirectMessageSubscription === true || spec.hostsAgent === false) return declared;
  return [...declared, directMessageSubscription(spec.agentType, directMessageSendersOf(spec))];
}
