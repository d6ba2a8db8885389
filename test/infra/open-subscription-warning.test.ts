import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineMessage } from '../../lambdas/contracts/message-type.js';
import { fromProducer } from '../../lambdas/contracts/senders.js';
import { agentFunctionTables } from '../../lambdas/contracts/table-access.js';
import { AGENT_STATE_TABLE } from '../../lambdas/contracts/tables/agent-state-table.js';
import { IDEMPOTENCY_TABLE } from '../../lambdas/contracts/tables/idempotency-table.js';
import { declareAgent } from '../../lambdas/runtime/agent-declaration.js';
import { defineAgent } from '../../lambdas/runtime/agent-definition.js';
import { TypeSubscription } from '../../lambdas/runtime/type-subscription.js';
import { AgentBridge } from '../../lib/constructs/agent-bridge.js';
import { OPEN_SUBSCRIPTION_WARNING } from '../../lib/constructs/agent-subscription.js';
import { ECHO_ENTRY } from './support/constructs-under-test.js';
import { synthAgentbridge } from './support/synth-agentbridge.js';

const TicketOpened = defineMessage('TicketOpened', z.object({ ticketId: z.string() }));
const definition = () => defineAgent({ handlers: (on) => [on.event(TicketOpened, () => undefined)] });

/** The open-subscription warnings of a one-agent bridge whose agent subscribes to `tickets` as given. */
function openSubscriptionWarnings(options: { senders: boolean; skipDirect: boolean }): string[] {
  const app = new App({
    outdir: mkdtempSync(join(tmpdir(), 'open-subscription-')),
    context: { 'aws:cdk:bundling-stacks': [] },
  });
  const stack = new Stack(app, 'Desk', { env: { account: '000000000000', region: 'eu-west-1' } });
  const bridge = new AgentBridge(stack, 'Desk', {
    namePrefix: 'desk',
    producerSources: { TicketOpened: 'support.desk' },
  });
  for (const table of [IDEMPOTENCY_TABLE, AGENT_STATE_TABLE]) bridge.addTable(table);
  const senders = options.senders ? { senders: { TicketOpened: fromProducer() } } : {};
  bridge.addAgent(
    declareAgent({
      agentType: 'triage',
      subscriptions: [new TypeSubscription('tickets', 'triage', senders)],
      skipDirectMessageSubscription: options.skipDirect,
      tables: agentFunctionTables('triage'),
      define: definition,
    }),
    { entry: ECHO_ENTRY },
  );
  return Annotations.fromStack(stack)
    .findWarning('*', Match.stringLikeRegexp(OPEN_SUBSCRIPTION_WARNING))
    .map((warning) => String(warning.entry.data));
}

describe('a subscription without senders', () => {
  it('is deployed with a synth warning naming it, for its type rule and its direct-message rule', () => {
    const warnings = openSubscriptionWarnings({ senders: false, skipDirect: false });
    expect(warnings).toHaveLength(2);
    expect(warnings.some((text) => text.includes('type:tickets->triage declares no senders'))).toBe(true);
    expect(warnings.some((text) => text.includes('prefix:triage:->triage declares no senders'))).toBe(true);
  });

  it('raises one warning when the agent opts out of its direct-message rule', () => {
    expect(openSubscriptionWarnings({ senders: false, skipDirect: true })).toHaveLength(1);
  });

  it('raises none once the subscription names its senders, which the direct-message rule inherits', () => {
    expect(openSubscriptionWarnings({ senders: true, skipDirect: false })).toEqual([]);
  });

  it('appears nowhere in the order system, whose every rule names its senders', () => {
    const { stack } = synthAgentbridge();
    const warnings = Annotations.fromStack(stack).findWarning(
      '*',
      Match.stringLikeRegexp(OPEN_SUBSCRIPTION_WARNING),
    );
    expect(warnings).toEqual([]);
  });
});
