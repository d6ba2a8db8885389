import { describe, expect, it } from 'vitest';
import { fromAgentbridge, fromProducer } from '../../../lambdas/contracts/senders.js';
import {
  AmbiguousDirectMessageSendersError,
  agentSubscriptions,
} from '../../../lambdas/runtime/direct-message-subscription.js';
import { TopicId } from '../../../lambdas/runtime/topic-id.js';
import { TypeSubscription } from '../../../lambdas/runtime/type-subscription.js';

const FROM_INTAKE = { Escalate: fromAgentbridge('agentbridge.intake') };

describe('agentSubscriptions', () => {
  it('adds the direct-message prefix "<type>:" after the declared subscriptions', () => {
    const subscriptions = agentSubscriptions({
      agentType: 'triage',
      subscriptions: [new TypeSubscription('tickets', 'triage')],
    });
    expect(subscriptions.map((subscription) => subscription.id)).toEqual([
      'type:tickets->triage',
      'prefix:triage:->triage',
    ]);
    expect(subscriptions[1]?.mapToAgent(new TopicId('triage:urgent', 't-1')).toString()).toBe('triage/t-1');
    expect(subscriptions[1]?.senders).toBeUndefined();
  });

  it('adds none for an agent that skips it or for a function that hosts no agent', () => {
    expect(agentSubscriptions({ agentType: 'triage', skipDirectMessageSubscription: true })).toEqual([]);
    expect(agentSubscriptions({ agentType: 'outbox', hostsAgent: false })).toEqual([]);
  });

  it('gives the prefix the declared direct-message senders, else those of its subscriptions', () => {
    const declared = agentSubscriptions({ agentType: 'triage', directMessageSenders: FROM_INTAKE });
    expect(declared.at(-1)?.senders).toEqual(FROM_INTAKE);
    const inherited = agentSubscriptions({
      agentType: 'triage',
      subscriptions: [
        new TypeSubscription('tickets', 'triage', { senders: FROM_INTAKE }),
        new TypeSubscription('TicketOpened', 'triage', { senders: { TicketOpened: fromProducer() } }),
        new TypeSubscription('escalations', 'triage', { senders: FROM_INTAKE }),
      ],
    });
    expect(inherited.at(-1)?.senders).toEqual({ ...FROM_INTAKE, TicketOpened: fromProducer() });
  });

  it('refuses to guess when two subscriptions name different senders for one message type', () => {
    expect(() =>
      agentSubscriptions({
        agentType: 'triage',
        subscriptions: [
          new TypeSubscription('tickets', 'triage', { senders: FROM_INTAKE }),
          new TypeSubscription('escalations', 'triage', { senders: { Escalate: fromProducer() } }),
        ],
      }),
    ).toThrow(AmbiguousDirectMessageSendersError);
  });
});
