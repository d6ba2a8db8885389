import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { agentFunctionTables, TABLE_ACTIONS } from '../../lambdas/contracts/table-access.js';
import type { TableDefinition } from '../../lambdas/contracts/table-definition.js';
import { AGENT_STATE_TABLE } from '../../lambdas/contracts/tables/agent-state-table.js';
import { IDEMPOTENCY_TABLE } from '../../lambdas/contracts/tables/idempotency-table.js';
import type { AgentSpec } from '../../lambdas/runtime/agent-spec.js';
import { TypeSubscription } from '../../lambdas/runtime/type-subscription.js';
import { AgentBridge } from '../../lib/constructs/agent-bridge.js';
import { CatalogReferenceError, InfraError } from '../../lib/constructs/infra-error.js';
import { ECHO_ASL, ECHO_ENTRY } from './support/constructs-under-test.js';
import {
  actionsOf,
  environmentOf,
  resourcesOfType,
  statementsOfRole,
  targetsOf,
} from './support/template-queries.js';

const TICKETS: TableDefinition = {
  id: 'Tickets',
  envVar: 'TICKETS_TABLE_NAME',
  localName: 'tickets',
  partitionKey: { name: 'pk', type: 'S' },
};
const TRIAGE: AgentSpec = {
  agentType: 'triage',
  subscriptions: [new TypeSubscription('TicketOpened', 'triage')],
  tables: [...agentFunctionTables('triage'), { table: TICKETS, actions: ['dynamodb:PutItem'] }],
  sendsTo: ['assignment'],
};
const ASSIGNMENT: AgentSpec = { agentType: 'assignment', tables: agentFunctionTables('assignment') };

/** One small system on a bridge: three tables, two agents, one machine calling one of them. */
function system(bridge: AgentBridge): void {
  for (const table of [IDEMPOTENCY_TABLE, AGENT_STATE_TABLE, TICKETS]) bridge.addTable(table);
  bridge.addAgent(TRIAGE, { entry: ECHO_ENTRY });
  bridge.addAgent(ASSIGNMENT, { entry: ECHO_ENTRY });
  bridge.addStateMachine('echo', {
    definitionFile: ECHO_ASL,
    type: 'STANDARD',
    eventSource: 'agentbridge.echo',
    placeholders: {
      EchoFunctionArn: { kind: 'functionArn', agentType: 'assignment' },
      EventBusName: { kind: 'eventBusName' },
    },
  });
}

const newApp = () =>
  new App({
    outdir: mkdtempSync(join(tmpdir(), 'agent-bridge-')),
    context: { 'aws:cdk:bundling-stacks': [] },
  });

describe('AgentBridge', () => {
  it('puts two systems in one stack apart by their name prefixes', () => {
    const stack = new Stack(newApp(), 'Shared');
    system(new AgentBridge(stack, 'Tickets', { namePrefix: 'tickets' }));
    system(new AgentBridge(stack, 'Claims', { namePrefix: 'claims' }));
    const template = Template.fromStack(stack);
    const names = Object.values(resourcesOfType(template, 'AWS::Lambda::Function')).map(
      (fn) => fn.Properties?.FunctionName,
    );
    expect(names.sort()).toEqual([
      'claims-assignment',
      'claims-triage',
      'tickets-assignment',
      'tickets-triage',
    ]);
    const machines = Object.values(resourcesOfType(template, 'AWS::StepFunctions::StateMachine'));
    expect(machines.map((machine) => machine.Properties?.StateMachineName).sort()).toEqual([
      'claims-echo',
      'tickets-echo',
    ]);
    for (const fn of Object.values(resourcesOfType(template, 'AWS::Lambda::Function'))) {
      const prefix = String(fn.Properties?.FunctionName).split('-')[0];
      expect(environmentOf(fn).AGENTBRIDGE_AGENT_FUNCTIONS).toBe(
        JSON.stringify({ triage: `${prefix}-triage`, assignment: `${prefix}-assignment` }),
      );
    }
  });

  it('subscribes through an existing bus, with a dead-letter queue and a retry policy on every target, and leaves its policy to its owner', () => {
    const stack = new Stack(newApp(), 'Existing');
    const eventBus = EventBus.fromEventBusArn(
      stack,
      'Bus',
      'arn:aws:events:eu-west-1:111111111111:event-bus/shared',
    );
    const bridge = new AgentBridge(stack, 'Tickets', { existingEventBusInterface: eventBus });
    system(bridge);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Events::EventBus', 0);
    template.resourceCountIs('AWS::Events::EventBusPolicy', 0);
    const rules = Object.values(resourcesOfType(template, 'AWS::Events::Rule'));
    // Triage's subscription, and each agent's direct-message prefix "<type>:".
    expect(rules.map((rule) => rule.Properties?.Description).sort()).toEqual([
      'agentbridge subscription prefix:assignment:->assignment',
      'agentbridge subscription prefix:triage:->triage',
      'agentbridge subscription type:TicketOpened->triage',
    ]);
    for (const rule of rules) {
      expect(rule.Properties?.EventBusName).toBe('shared');
      for (const target of targetsOf(rule)) {
        expect(target.DeadLetterConfig).toBeDefined();
        expect(target.RetryPolicy).toBeDefined();
      }
    }
    expect(bridge.agents.get('triage')?.subscriptions[0]?.rule).toBeDefined();
  });

  it('grants a spec exactly its tables, its sends and no bus access it did not ask for', () => {
    const stack = new Stack(newApp(), 'Grants');
    const bridge = new AgentBridge(stack, 'Tickets', { namePrefix: 'tickets' });
    system(bridge);
    const template = Template.fromStack(stack);
    const role = stack.getLogicalId(
      bridge.agents.get('triage')?.agentFunction.role.node.defaultChild as never,
    );
    const actions = statementsOfRole(template, role).flatMap(actionsOf);
    expect(actions).toContain('lambda:InvokeFunction');
    expect(actions).not.toContain('events:PutEvents');
    const ticketActions = TABLE_ACTIONS.idempotency.length + TABLE_ACTIONS.agentState.length + 1;
    expect(actions.filter((action) => action.startsWith('dynamodb:'))).toHaveLength(ticketActions);
  });

  it('grants operators a send, a publish under named sources and a table access on request', () => {
    const stack = new Stack(newApp(), 'Operators');
    const bridge = new AgentBridge(stack, 'Tickets', { namePrefix: 'tickets' });
    system(bridge);
    const operator = new Role(stack, 'Operator', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    bridge.grantSend(operator, 'triage');
    bridge.grantPublish(operator, ['support.desk']);
    bridge.grantStartExecution(operator, 'echo');
    bridge.grantTable(operator, { table: TICKETS, actions: ['dynamodb:GetItem'] });
    const template = Template.fromStack(stack);
    const statements = statementsOfRole(template, stack.getLogicalId(operator.node.defaultChild as never));
    expect(statements.map(actionsOf)).toEqual([
      ['lambda:InvokeFunction'],
      ['events:PutEvents'],
      ['states:StartExecution'],
      ['dynamodb:GetItem'],
    ]);
    expect(JSON.stringify(statements[1])).toContain('support.desk');
    expect(JSON.stringify(statements[2])).toContain('tickets-echo');
  });

  it('refuses both an existing bus and props for a new one', () => {
    const stack = new Stack(newApp(), 'Both');
    const existingEventBusInterface = EventBus.fromEventBusName(stack, 'Bus', 'shared');
    const create = () =>
      new AgentBridge(stack, 'Tickets', {
        existingEventBusInterface,
        eventBusProps: { eventBusName: 'mine' },
      });
    expect(create).toThrow(InfraError);
  });

  it('refuses a state machine invoking an agent it does not deploy', () => {
    const bridge = new AgentBridge(new Stack(newApp(), 'Missing'), 'Tickets');
    const add = () =>
      bridge.addStateMachine('echo', {
        definitionFile: ECHO_ASL,
        type: 'STANDARD',
        eventSource: 'agentbridge.echo',
        placeholders: {
          EchoFunctionArn: { kind: 'functionArn', agentType: 'nobody' },
          EventBusName: { kind: 'eventBusName' },
        },
      });
    expect(add).toThrow(CatalogReferenceError);
  });

  it('fails the synth when an agent sends to an agent or uses a machine never added', () => {
    const app = newApp();
    const bridge = new AgentBridge(new Stack(app, 'Dangling'), 'Tickets');
    bridge.addTable(TICKETS);
    bridge.addAgent(
      {
        ...ASSIGNMENT,
        tables: [],
        sendsTo: ['nobody'],
        stateMachines: [{ machine: 'gone', access: ['start'], arnEnvVar: 'GONE_ARN' }],
      },
      { entry: ECHO_ENTRY },
    );
    expect(() => app.synth()).toThrow(
      /assignment sends to unknown agent nobody[\s\S]*assignment uses unknown state machine gone/,
    );
  });

  it('deploys the event store with its outbox publisher on the table stream', () => {
    const stack = new Stack(newApp(), 'Events');
    const bridge = new AgentBridge(stack, 'Tickets', { namePrefix: 'tickets' });
    const store = bridge.addEventStore({ outbox: { entry: ECHO_ENTRY } });
    const template = Template.fromStack(stack);
    expect(store.snapshotWriter).toBeUndefined();
    expect(store.outboxPublisher?.agentFunction.function).toBeDefined();
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    const table = Object.values(resourcesOfType(template, 'AWS::DynamoDB::Table'))[0];
    expect(table?.Properties?.StreamSpecification).toBeDefined();
  });

  it('synthesizes a small system with the AwsSolutions pack and no unacknowledged finding', () => {
    const app = newApp();
    system(new AgentBridge(new Stack(app, 'Nagged'), 'Tickets', { namePrefix: 'tickets' }));
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).not.toThrow();
    const report = JSON.parse(readFileSync(join(app.outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; conclusion: string }[];
    };
    expect(report.pluginReports.find((plugin) => plugin.pluginName === 'AwsSolutions')?.conclusion).toBe(
      'success',
    );
  });
});
