import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineMessage } from '../../../lambdas/contracts/message-type.js';
import { fromAgentbridge } from '../../../lambdas/contracts/senders.js';
import {
  AgentDeclarationError,
  declareAgent,
  registerAgent,
} from '../../../lambdas/runtime/agent-declaration.js';
import { defineAgent } from '../../../lambdas/runtime/agent-definition.js';
import { AgentId } from '../../../lambdas/runtime/agent-id.js';
import { InProcessRuntime } from '../../../lambdas/runtime/in-process-runtime.js';
import { InvalidIdentifierError } from '../../../lambdas/runtime/runtime-error.js';
import { TopicId } from '../../../lambdas/runtime/topic-id.js';
import { TypePrefixSubscription } from '../../../lambdas/runtime/type-prefix-subscription.js';
import { TypeSubscription } from '../../../lambdas/runtime/type-subscription.js';

const TicketOpened = defineMessage('TicketOpened', z.object({ ticketId: z.string() }));
const CountTickets = defineMessage('CountTickets', z.object({}), { response: z.number() });

/** A triage agent whose tickets live in a store its host injects. */
const triageDeclaration = (overrides: { skipDirectMessageSubscription?: boolean } = {}) =>
  declareAgent({
    agentType: 'triage',
    subscriptions: [
      new TypeSubscription('tickets', 'triage', {
        senders: { [TicketOpened.name]: fromAgentbridge('agentbridge.intake') },
      }),
    ],
    sendsTo: ['assignment'],
    ...overrides,
    define: ({ opened }: { opened: string[] }) =>
      defineAgent({
        handlers: (on) => [
          on.event(TicketOpened, (message) => {
            opened.push(message.ticketId);
          }),
          on.rpc(CountTickets, () => opened.length),
        ],
      }),
  });

describe('declareAgent', () => {
  it('returns the declaration frozen, lists included', () => {
    const declaration = triageDeclaration();
    expect(declaration.agentType).toBe('triage');
    expect(Object.isFrozen(declaration)).toBe(true);
    expect(Object.isFrozen(declaration.subscriptions)).toBe(true);
    expect(Object.isFrozen(declaration.sendsTo)).toBe(true);
  });

  it('rejects an agent type that is not an identifier', () => {
    expect(() =>
      declareAgent({ agentType: 'tri age', define: () => defineAgent({ handlers: () => [] }) }),
    ).toThrow(InvalidIdentifierError);
  });

  it('rejects a subscription that delivers to another agent type, and one declared twice', () => {
    const declare = () =>
      declareAgent({
        agentType: 'triage',
        subscriptions: [
          new TypeSubscription('tickets', 'assignment'),
          new TypeSubscription('urgent', 'triage'),
          new TypeSubscription('urgent', 'triage'),
        ],
        define: () => defineAgent({ handlers: () => [] }),
      });
    expect(declare).toThrow(AgentDeclarationError);
    expect(declare).toThrow(/subscription type:tickets->assignment delivers to assignment, not to it/);
    expect(declare).toThrow(/subscription type:urgent->triage is declared twice/);
  });

  it('rejects the direct-message prefix declared as a subscription besides the one registering adds', () => {
    expect(() =>
      declareAgent({
        agentType: 'triage',
        subscriptions: [new TypePrefixSubscription('triage:', 'triage')],
        define: () => defineAgent({ handlers: () => [] }),
      }),
    ).toThrow(/subscription prefix:triage:->triage is declared twice \(or is the direct-message prefix\)/);
  });

  it('rejects a send target that is not an agent type', () => {
    expect(() =>
      declareAgent({
        agentType: 'triage',
        sendsTo: ['assign ment'],
        define: () => defineAgent({ handlers: () => [] }),
      }),
    ).toThrow(/send target "assign ment" is not an agent type/);
  });
});

describe('registerAgent', () => {
  it('registers the type with the definition built from the deps, then its subscriptions', async () => {
    const runtime = new InProcessRuntime();
    const opened: string[] = [];
    await registerAgent(runtime, triageDeclaration(), { opened });

    await runtime.publish(TicketOpened, { ticketId: 't-1' }, new TopicId('tickets', 'eu'));
    await runtime.waitUntilIdle();

    expect(opened).toEqual(['t-1']);
    await expect(runtime.send(CountTickets, {}, new AgentId('triage', 'eu'))).resolves.toBe(1);
  });

  it("subscribes the type's direct-message prefix unless the declaration skips it", async () => {
    const direct = new InProcessRuntime();
    const withDirect: string[] = [];
    await registerAgent(direct, triageDeclaration(), { opened: withDirect });
    const skipped = new InProcessRuntime();
    const withoutDirect: string[] = [];
    await registerAgent(skipped, triageDeclaration({ skipDirectMessageSubscription: true }), {
      opened: withoutDirect,
    });

    for (const runtime of [direct, skipped]) {
      await runtime.publish(TicketOpened, { ticketId: 't-2' }, new TopicId('triage:urgent', 'eu'));
      await runtime.waitUntilIdle();
    }

    expect(withDirect).toEqual(['t-2']);
    expect(withoutDirect).toEqual([]);
  });
});
