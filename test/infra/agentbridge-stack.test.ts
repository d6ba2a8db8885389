import { readFileSync } from 'node:fs';
import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { STATE_MACHINES, type StateMachineKey } from '../../lambdas/contracts/state-machines.js';
import { ALL_TABLES } from '../../lambdas/contracts/tables/all-tables.js';
import { EVENT_STORE_TABLE } from '../../lambdas/contracts/tables/event-store-table.js';
import { subscriptionEventPattern } from '../../lambdas/runtime/subscription-event-pattern.js';
import { aslPlaceholders } from '../../lib/constructs/agent-state-machine.js';
import { projectPath } from '../../lib/constructs/project-paths.js';
import { CATALOG_AGENTS } from './support/catalog-agents.js';
import { synthAgentbridge, TEST_PRODUCER_ACCOUNT } from './support/synth-agentbridge.js';
import {
  environmentOf,
  referencedLogicalId,
  renderedDefinition,
  resourcesOfType,
  targetsOf,
} from './support/template-queries.js';

const { stack, template, logicalId } = synthAgentbridge();
const resources = template.toJSON().Resources as Record<
  string,
  { Type: string; Properties: Record<string, unknown> }
>;

const functionLogicalId = (agentType: string): string => {
  const agent = stack.agents.get(agentType);
  if (agent === undefined) throw new Error(`no agent ${agentType}`);
  return logicalId(agent.agentFunction.function.node.defaultChild as CfnElement);
};

describe('agentbridge stack: functions', () => {
  it('deploys one function per catalog entry, named after the stack and agent type', () => {
    const functions = resourcesOfType(template, 'AWS::Lambda::Function');
    for (const entry of CATALOG_AGENTS) {
      expect(functions[functionLogicalId(entry.agentType)]?.Properties).toMatchObject({
        FunctionName: `AgentBridge-${entry.agentType}`,
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
      });
    }
    expect(Object.keys(functions)).toHaveLength(CATALOG_AGENTS.length);
  });

  it('tells every function the agent-type → function-name map and the tables it may use', () => {
    const functionMap = Object.fromEntries(
      CATALOG_AGENTS.filter((entry) => entry.hostsAgent).map((entry) => [
        entry.agentType,
        `AgentBridge-${entry.agentType}`,
      ]),
    );
    expect(Object.keys(functionMap)).not.toContain('outbox');
    for (const entry of CATALOG_AGENTS) {
      const variables = environmentOf(
        resources[functionLogicalId(entry.agentType)] ?? { Type: '', Properties: {} },
      );
      expect(JSON.parse(String(variables.AGENTBRIDGE_AGENT_FUNCTIONS))).toEqual(functionMap);
      expect(variables.AGENTBRIDGE_AGENT_TYPE).toBe(entry.agentType);
      for (const access of entry.tables) {
        const table = stack.tables.get(access.table.id)?.table;
        expect(variables[access.table.envVar], `${entry.id} ${access.table.envVar}`).toEqual(
          stack.resolve(table?.tableName),
        );
      }
    }
  });
});

describe('agentbridge stack: subscriptions', () => {
  const rules = Object.values(resourcesOfType(template, 'AWS::Events::Rule'));

  it('gives every rule target a dead-letter queue and a retry policy', () => {
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      const targets = targetsOf(rule);
      expect(targets.length).toBeGreaterThan(0);
      for (const target of targets) {
        expect(referencedLogicalId((target.DeadLetterConfig as { Arn: unknown } | undefined)?.Arn)).toMatch(
          /DeadLetterQueue/,
        );
        expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 7200 });
      }
    }
  });

  it('deploys each catalog subscription as a rule with exactly the compiled pattern, targeting its function', () => {
    const expected = CATALOG_AGENTS.flatMap((entry) =>
      entry.subscriptions.map((subscription) => ({
        pattern: stack.resolve(
          subscriptionEventPattern(subscription, { account: stack.account, producers: stack.producers }),
        ),
        target: functionLogicalId(entry.agentType),
      })),
    );
    const deployed = rules.map((rule) => ({
      pattern: rule.Properties?.EventPattern,
      target: referencedLogicalId(targetsOf(rule)[0]?.Arn),
    }));
    expect(deployed).toEqual(expect.arrayContaining(expected));
    expect(deployed).toHaveLength(expected.length);
    for (const rule of rules) {
      expect(referencedLogicalId(rule.Properties?.EventBusName)).toBe(
        logicalId(stack.eventBus.node.defaultChild as CfnElement),
      );
    }
  });
});

describe('agentbridge stack: tables', () => {
  it('declares every contract table on demand with PITR, keyed as the contract says', () => {
    for (const definition of ALL_TABLES) {
      const table = stack.tables.get(definition.id)?.table;
      expect(table, definition.id).toBeDefined();
      const properties = resources[logicalId(table?.node.defaultChild as CfnElement)]?.Properties;
      expect(properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        KeySchema: [
          { AttributeName: definition.partitionKey.name, KeyType: 'HASH' },
          ...(definition.sortKey ? [{ AttributeName: definition.sortKey.name, KeyType: 'RANGE' }] : []),
        ],
      });
      if (definition.timeToLiveAttribute) {
        expect(properties?.TimeToLiveSpecification).toEqual({
          AttributeName: definition.timeToLiveAttribute,
          Enabled: true,
        });
      } else expect(properties?.TimeToLiveSpecification).toBeUndefined();
    }
    template.resourceCountIs('AWS::DynamoDB::Table', ALL_TABLES.length);
  });

  it('feeds the event store stream to the outbox publisher with partial batch responses and an on-failure queue', () => {
    const publishers = CATALOG_AGENTS.filter((entry) => entry.eventStoreStream);
    expect(publishers.length).toBeGreaterThan(0);
    const eventStore = logicalId(
      stack.tables.get(EVENT_STORE_TABLE.id)?.table.node.defaultChild as CfnElement,
    );
    for (const entry of publishers) {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [eventStore, 'StreamArn'] },
        FunctionName: { Ref: functionLogicalId(entry.agentType) },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: Match.anyValue(),
        DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
        FilterCriteria: Match.anyValue(),
      });
    }
  });
});

describe('agentbridge stack: state machines', () => {
  it('resolves every ASL placeholder through definitionSubstitutions', () => {
    expect([...stack.stateMachines.keys()].sort()).toEqual(Object.keys(STATE_MACHINES).sort());
    for (const [key, contract] of Object.entries(STATE_MACHINES)) {
      const machine = stack.stateMachines.get(key as StateMachineKey)?.stateMachine;
      const resource = resources[logicalId(machine?.node.defaultChild as CfnElement)];
      if (resource === undefined) throw new Error(`no state machine ${key}`);
      const placeholders = aslPlaceholders(readFileSync(projectPath(contract.definitionFile), 'utf8'));
      expect(placeholders.length).toBeGreaterThan(0);
      expect(Object.keys(resource.Properties.DefinitionSubstitutions ?? {}).sort()).toEqual(
        [...placeholders].sort(),
      );
      expect(renderedDefinition(resource)).not.toContain('${');
      expect(resource.Properties).toMatchObject({
        StateMachineName: `AgentBridge-${contract.name}`,
        StateMachineType: contract.type,
        TracingConfiguration: { Enabled: true },
      });
    }
  });

  it('logs only ERROR events of every state machine, without execution data (no card token, e-mail, name or task token)', () => {
    const machines = Object.values(resourcesOfType(template, 'AWS::StepFunctions::StateMachine'));
    expect(machines).toHaveLength(Object.keys(STATE_MACHINES).length);
    for (const machine of machines) {
      expect(machine.Properties?.LoggingConfiguration).toMatchObject({
        Level: 'ERROR',
        IncludeExecutionData: false,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: expect.anything() } }],
      });
    }
  });
});

describe('agentbridge stack: operations', () => {
  const alarms = Object.values(resourcesOfType(template, 'AWS::CloudWatch::Alarm')).map(
    (alarm) => alarm.Properties ?? {},
  );
  const alarmsOn = (metric: string, dimension: string, logical: string) =>
    alarms.filter(
      (alarm) =>
        alarm.MetricName === metric &&
        (alarm.Dimensions as { Name: string; Value: unknown }[]).some(
          (d) => d.Name === dimension && referencedLogicalId(d.Value) === logical,
        ),
    );

  it('alarms on the depth of every queue (all of them are dead-letter queues)', () => {
    const queues = Object.keys(resourcesOfType(template, 'AWS::SQS::Queue'));
    expect(queues.length).toBeGreaterThanOrEqual(CATALOG_AGENTS.length);
    for (const queue of queues) {
      expect(alarmsOn('ApproximateNumberOfMessagesVisible', 'QueueName', queue), queue).toHaveLength(1);
    }
  });

  it('alarms on errors and throttles of every function and failed executions of every state machine', () => {
    for (const entry of CATALOG_AGENTS) {
      expect(alarmsOn('Errors', 'FunctionName', functionLogicalId(entry.agentType))).toHaveLength(1);
      expect(alarmsOn('Throttles', 'FunctionName', functionLogicalId(entry.agentType))).toHaveLength(1);
    }
    for (const machine of stack.stateMachines.values()) {
      const id = logicalId(machine.stateMachine.node.defaultChild as CfnElement);
      expect(alarmsOn('ExecutionsFailed', 'StateMachineArn', id)).toHaveLength(1);
    }
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('lets the configured producer accounts put only the external inputs, each under its producer source', () => {
    const principal = {
      AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${TEST_PRODUCER_ACCOUNT}:root`]] },
    };
    const conditions = Object.values(resourcesOfType(template, 'AWS::Events::EventBusPolicy')).map(
      (policy) => {
        const statement = policy.Properties?.Statement as Record<string, unknown>;
        expect(statement).toMatchObject({
          Effect: 'Allow',
          Action: 'events:PutEvents',
          Principal: principal,
        });
        return statement.Condition;
      },
    );
    const admits = (detailTypes: string[], source: string) => ({
      StringEquals: { 'events:detail-type': detailTypes, 'events:source': [source] },
    });
    expect(conditions).toEqual(
      expect.arrayContaining([
        admits(['OrderRequested'], 'shop.checkout'),
        admits(['PaymentCompleted'], 'payments.gateway'),
        admits(['ProcessingStarted', 'ShippingConfirmed'], 'warehouse.fulfilment'),
        admits(['DeliveryConfirmed'], 'carrier.tracking'),
        admits(['OrderCancelled'], 'shop.customer-service'),
      ]),
    );
    expect(conditions).toHaveLength(5);
  });

  it('outputs the bus and every table name', () => {
    const outputs = Object.keys(template.toJSON().Outputs ?? {});
    expect(outputs).toEqual(
      expect.arrayContaining([
        'EventBusName',
        'EventBusArn',
        ...ALL_TABLES.map((definition) => `${definition.id}TableName`),
      ]),
    );
  });
});
