import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineMessage } from '../../lambdas/contracts/message-type.js';
import { fromAgentbridge } from '../../lambdas/contracts/senders.js';
import { agentFunctionTables } from '../../lambdas/contracts/table-access.js';
import { AGENT_STATE_TABLE } from '../../lambdas/contracts/tables/agent-state-table.js';
import { IDEMPOTENCY_TABLE } from '../../lambdas/contracts/tables/idempotency-table.js';
import { type AgentDeclaration, declareAgent } from '../../lambdas/runtime/agent-declaration.js';
import { defineAgent } from '../../lambdas/runtime/agent-definition.js';
import { AgentId } from '../../lambdas/runtime/agent-id.js';
import { AwsRuntime } from '../../lambdas/runtime/aws/aws-runtime.js';
import { compileEventPattern } from '../../lambdas/runtime/event-pattern/compile-event-pattern.js';
import { matchEventPattern } from '../../lambdas/runtime/event-pattern/match-event-pattern.js';
import { agentHandler } from '../../lambdas/runtime/lambda/agent-handler.js';
import { InMemoryDeadLetterSink } from '../../lambdas/runtime/lambda/dead-letter/in-memory-dead-letter-sink.js';
import { InMemoryPersistenceLayer } from '../../lambdas/runtime/lambda/in-memory-persistence-layer.js';
import { TopicId } from '../../lambdas/runtime/topic-id.js';
import { TypeSubscription } from '../../lambdas/runtime/type-subscription.js';
import { InMemoryAgentStateStore } from '../../lambdas/stores/agent-state/in-memory/in-memory-agent-state-store.js';
import { AgentBridge } from '../../lib/constructs/agent-bridge.js';
import { fakeLambdaContext } from '../support/aws-loopback/fake-lambda-context.js';
import { quietPowertools } from '../support/aws-loopback/quiet-powertools.js';
import { ECHO_ENTRY } from './support/constructs-under-test.js';
import { resourcesOfType, targetsOf } from './support/template-queries.js';

/** The stack's account, and the account in `fakeLambdaContext`'s function ARN: one deployment. */
const ACCOUNT = '000000000000';
const Escalate = defineMessage('Escalate', z.object({ ticketId: z.string() }));

/** A triage agent that records the tickets escalated to it, declared with the given direct-message options. */
const triage = (options: Partial<AgentDeclaration<{ escalated: string[] }>> = {}) =>
  declareAgent({
    agentType: 'triage',
    subscriptions: [new TypeSubscription('tickets', 'triage')],
    tables: agentFunctionTables('triage'),
    ...options,
    define: ({ escalated }: { escalated: string[] }) =>
      defineAgent({
        handlers: (on) => [
          on.event(Escalate, (message, ctx) => void escalated.push(`${ctx.recipient} ${message.ticketId}`)),
        ],
      }),
  });

/** The rules of a bridge holding the declaration and an outbox publisher, with their patterns as deployed. */
function deployedRules(declaration: AgentDeclaration<{ escalated: string[] }>) {
  const app = new App({
    outdir: mkdtempSync(join(tmpdir(), 'direct-message-')),
    context: { 'aws:cdk:bundling-stacks': [] },
  });
  const stack = new Stack(app, 'Tickets', { env: { account: ACCOUNT, region: 'eu-west-1' } });
  const bridge = new AgentBridge(stack, 'Tickets', { namePrefix: 'tickets' });
  for (const table of [IDEMPOTENCY_TABLE, AGENT_STATE_TABLE]) bridge.addTable(table);
  bridge.addAgent(declaration, { entry: ECHO_ENTRY });
  bridge.addEventStore({ outbox: { entry: ECHO_ENTRY } });
  return Object.values(resourcesOfType(Template.fromStack(stack), 'AWS::Events::Rule')).map((rule) => ({
    description: String(rule.Properties?.Description),
    pattern: rule.Properties?.EventPattern as Record<string, unknown>,
    targets: targetsOf(rule),
  }));
}

const DIRECT = 'agentbridge subscription prefix:triage:->triage';

const settings = { region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } };
const clients = () => ({ eventBridge: new EventBridgeClient(settings), lambda: new LambdaClient(settings) });

/** The one event the bus delivers for what `AwsRuntime.publish` puts under `source` on `topic`. */
async function publishedEvent(source: string, topic: TopicId): Promise<Record<string, unknown>> {
  const runtime = new AwsRuntime({
    ...clients(),
    config: { eventBusName: 'tickets-bus', source, agentFunctions: new Map(), sendTimeoutMs: 1_000 },
  });
  const bus = mockClient(EventBridgeClient);
  bus.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
  try {
    await runtime.publish(Escalate, { ticketId: 't-7' }, topic, { sender: new AgentId('intake', 't-7') });
    const [entry] = bus.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries ?? [];
    return {
      version: '0',
      id: 'e-1',
      'detail-type': entry?.DetailType,
      source: entry?.Source,
      account: ACCOUNT,
      time: '2026-12-02T00:00:00Z',
      region: 'eu-west-1',
      resources: [],
      detail: JSON.parse(entry?.Detail ?? '{}'),
    };
  } finally {
    bus.restore();
  }
}

/** The triage function as `agentHandler` builds it from the declaration, on in-memory deps. */
function triageFunction(declaration: AgentDeclaration<{ escalated: string[] }>) {
  const runtime = new AwsRuntime({
    ...clients(),
    config: {
      eventBusName: 'tickets-bus',
      source: 'agentbridge.triage',
      agentFunctions: new Map(),
      sendTimeoutMs: 1_000,
    },
    stateStore: new InMemoryAgentStateStore(),
    logger: { warn() {}, error() {} },
  });
  const escalated: string[] = [];
  const deadLetters = new InMemoryDeadLetterSink();
  const handler = agentHandler(
    declaration,
    { escalated },
    { runtime, ...quietPowertools('triage'), idempotency: new InMemoryPersistenceLayer(), deadLetters },
  );
  return { handler, escalated, deadLetters };
}

const matching = (rules: ReturnType<typeof deployedRules>, event: Record<string, unknown>): string[] =>
  rules
    .filter((rule) => matchEventPattern(compileEventPattern(JSON.stringify(rule.pattern)), event))
    .map((rule) => rule.description);

describe('the direct-message prefix on AWS', () => {
  it('deploys a rule for "<type>:" like any subscription: the compiled pattern, a retry policy and the dead-letter queue', () => {
    const rules = deployedRules(triage());
    const direct = rules.find((rule) => rule.description === DIRECT);
    expect(direct?.pattern).toEqual({
      $or: [
        { detail: { metadata: { topicType: [{ prefix: 'triage:' }] } } },
        { 'detail-type': [{ prefix: 'triage:' }], detail: { metadata: { id: [{ exists: false }] } } },
      ],
    });
    const declared = rules.find(
      (rule) => rule.description === 'agentbridge subscription type:tickets->triage',
    );
    expect(direct?.targets).toHaveLength(1);
    expect(direct?.targets[0]).toMatchObject({
      Arn: declared?.targets[0]?.Arn,
      DeadLetterConfig: declared?.targets[0]?.DeadLetterConfig,
      RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 7_200 },
    });
  });

  it('compiles the direct-message senders into the rule as for any subscription', () => {
    const rules = deployedRules(
      triage({ directMessageSenders: { [Escalate.name]: fromAgentbridge('agentbridge.intake') } }),
    );
    expect(rules.find((rule) => rule.description === DIRECT)?.pattern).toEqual({
      'detail-type': [Escalate.name],
      source: ['agentbridge.intake'],
      account: [ACCOUNT],
      detail: { metadata: { topicType: [{ prefix: 'triage:' }] } },
    });
  });

  it('takes the senders its subscriptions declare when it declares no direct-message senders', () => {
    const rules = deployedRules(
      triage({
        subscriptions: [
          new TypeSubscription('tickets', 'triage', {
            senders: { [Escalate.name]: fromAgentbridge('agentbridge.intake') },
          }),
        ],
      }),
    );
    expect(rules.find((rule) => rule.description === DIRECT)?.pattern).toMatchObject({
      'detail-type': [Escalate.name],
      source: ['agentbridge.intake'],
      account: [ACCOUNT],
    });
  });

  it('deploys no such rule for an agent that opts out, nor for a stream consumer', () => {
    const rules = deployedRules(triage({ skipDirectMessageSubscription: true }));
    expect(rules.map((rule) => rule.description)).toEqual(['agentbridge subscription type:tickets->triage']);
  });

  it('brings what the AWS runtime publishes to "triage:<x>" through the deployed rule to triage/<source>', async () => {
    const declaration = triage();
    const event = await publishedEvent('agentbridge.intake', new TopicId('triage:urgent', 't-7'));
    expect(matching(deployedRules(declaration), event)).toEqual([DIRECT]);

    const fn = triageFunction(declaration);
    await expect(fn.handler(event, fakeLambdaContext('tickets-triage', 30_000))).resolves.toMatchObject({
      status: 'delivered',
    });
    expect(fn.escalated).toEqual(['triage/t-7 t-7']);
  });

  it('admits direct messages only from their declared senders, in the rule and in the handler', async () => {
    const declaration = triage({
      directMessageSenders: { [Escalate.name]: fromAgentbridge('agentbridge.intake') },
    });
    const rules = deployedRules(declaration);
    const forged = await publishedEvent('agentbridge.intruder', new TopicId('triage:urgent', 't-7'));
    expect(
      matching(rules, await publishedEvent('agentbridge.intake', new TopicId('triage:urgent', 't-7'))),
    ).toEqual([DIRECT]);
    expect(matching(rules, forged)).toEqual([]);

    const fn = triageFunction(declaration);
    await expect(fn.handler(forged, fakeLambdaContext('tickets-triage', 30_000))).resolves.toMatchObject({
      status: 'rejected',
      reason: 'forbidden-sender',
    });
    expect(fn.escalated).toEqual([]);
  });
});
