import { readFileSync } from 'node:fs';
import type { CfnElement } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { ENV } from '../../lambdas/contracts/env-names.js';
import { OUTBOX_SOURCE, sourceFor } from '../../lambdas/contracts/sources.js';
import { STATE_MACHINES, type StateMachineKey } from '../../lambdas/contracts/state-machines.js';
import { ALL_TABLES } from '../../lambdas/contracts/tables/all-tables.js';
import { OUTBOX_FUNCTION_TYPE } from '../../lib/constructs/event-store-functions.js';
import { projectPath } from '../../lib/constructs/project-paths.js';
import type { CatalogAgent } from './support/catalog-agents.js';
import { CATALOG_AGENTS } from './support/catalog-agents.js';
import { synthAgentbridge } from './support/synth-agentbridge.js';
import {
  actionsOf,
  type CfnStatement,
  environmentOf,
  mentionedLogicalIds,
  resourcesOf,
  resourcesOfType,
  roleOfFunction,
  statementsOfRole,
} from './support/template-queries.js';

const { stack, template, logicalId } = synthAgentbridge();
const resources = template.toJSON().Resources as Record<
  string,
  { Type: string; Properties: Record<string, unknown> }
>;

const STREAM_ACTIONS = new Set([
  'dynamodb:ListStreams',
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
]);
const tableIdByLogicalId = new Map(
  ALL_TABLES.map((definition) => [
    logicalId(stack.tables.get(definition.id)?.table.node.defaultChild as CfnElement),
    definition.id,
  ]),
);

const roleStatements = (entry: CatalogAgent): CfnStatement[] => {
  const fn = stack.agents.get(entry.agentType)?.agentFunction.function;
  const resource = resources[logicalId(fn?.node.defaultChild as CfnElement)];
  if (resource === undefined) throw new Error(`no function for ${entry.agentType}`);
  return statementsOfRole(template, roleOfFunction(resource));
};

/** Table id → sorted item-level DynamoDB actions a set of statements grants. */
const tableGrants = (statements: readonly CfnStatement[]): Record<string, string[]> => {
  const granted: Record<string, Set<string>> = {};
  for (const statement of statements) {
    const actions = actionsOf(statement).filter(
      (action) => action.startsWith('dynamodb:') && !STREAM_ACTIONS.has(action),
    );
    // Stream reads (the outbox publisher) name the table's stream ARN but grant no item-level action.
    if (actions.length === 0) continue;
    for (const id of mentionedLogicalIds(statement.Resource)) {
      const tableId = tableIdByLogicalId.get(id);
      if (tableId === undefined) continue;
      granted[tableId] ??= new Set();
      for (const action of actions) granted[tableId].add(action);
    }
  }
  return Object.fromEntries(Object.entries(granted).map(([id, actions]) => [id, [...actions].sort()]));
};

/** The function names (from `...:function:<name>` ARNs) a set of statements lets the role invoke. */
const invokedFunctions = (statements: readonly CfnStatement[]): string[] =>
  statements
    .filter((statement) => actionsOf(statement).includes('lambda:InvokeFunction'))
    .flatMap((statement) => [
      ...JSON.stringify(resourcesOf(statement)).matchAll(/:function:([A-Za-z0-9_-]+)/g),
    ])
    .map((match) => match[1] ?? '')
    .sort();

describe('least privilege: agent functions', () => {
  it.each(CATALOG_AGENTS.map((entry) => [entry.id, entry] as const))(
    '%s touches only its own tables, with its own actions',
    (_id, entry) => {
      // A table may appear in several bindings (the snapshot writer's reads and its snapshot-only writes).
      const expected = Object.fromEntries(
        [...new Set(entry.tables.map((access) => access.table.id))].map((id) => [
          id,
          [
            ...new Set(
              entry.tables.filter((access) => access.table.id === id).flatMap((access) => access.actions),
            ),
          ].sort(),
        ]),
      );
      expect(tableGrants(roleStatements(entry))).toEqual(expected);
    },
  );

  it.each(CATALOG_AGENTS.map((entry) => [entry.id, entry] as const))(
    '%s invokes only the agents it sends to',
    (_id, entry) => {
      expect(invokedFunctions(roleStatements(entry))).toEqual(
        entry.sendsTo.map((type) => `AgentBridge-${type}`).sort(),
      );
    },
  );

  it.each(CATALOG_AGENTS.map((entry) => [entry.id, entry] as const))(
    '%s has no action outside its catalog entry',
    (_id, entry) => {
      const allowed = new Set([
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'xray:PutTraceSegments',
        'xray:PutTelemetryRecords',
        'sqs:SendMessage',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        ...entry.tables.flatMap((access) => access.actions),
        ...(entry.publishes ? ['events:PutEvents'] : []),
        ...(entry.sendsTo.length > 0 ? ['lambda:InvokeFunction'] : []),
        ...(entry.eventStoreStream ? STREAM_ACTIONS : []),
        ...entry.stateMachines.flatMap(({ access }) =>
          access.flatMap((kind) =>
            kind === 'start'
              ? ['states:StartExecution']
              : kind === 'describe'
                ? ['states:DescribeExecution']
                : ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
          ),
        ),
      ]);
      const actions = roleStatements(entry).flatMap(actionsOf);
      expect(actions.filter((action) => !allowed.has(action))).toEqual([]);
      expect(actions.some((action) => action.endsWith('*'))).toBe(false);
    },
  );

  it.each(CATALOG_AGENTS.map((entry) => [entry.id, entry] as const))(
    '%s uses Resource "*" only where IAM has no resource-level permission',
    (_id, entry) => {
      const wildcardActions = roleStatements(entry)
        .filter((statement) => resourcesOf(statement).includes('*'))
        .flatMap(actionsOf);
      const permitted = new Set([
        'xray:PutTraceSegments',
        'xray:PutTelemetryRecords',
        'dynamodb:ListStreams',
        'states:SendTaskSuccess',
        'states:SendTaskFailure',
        'states:SendTaskHeartbeat',
      ]);
      expect(wildcardActions.filter((action) => !permitted.has(action))).toEqual([]);
    },
  );

  it('keeps the payment agent out of the inventory table and the inventory agent out of payments', () => {
    const payment = CATALOG_AGENTS.find((entry) => entry.agentType === 'payment');
    const inventory = CATALOG_AGENTS.find((entry) => entry.agentType === 'inventory');
    if (payment === undefined || inventory === undefined)
      throw new Error('catalog lacks payment or inventory');
    expect(Object.keys(tableGrants(roleStatements(payment)))).not.toContain('Inventory');
    expect(Object.keys(tableGrants(roleStatements(inventory)))).not.toContain('Payments');
    expect(tableGrants(roleStatements(payment)).Payments).toBeDefined();
    expect(tableGrants(roleStatements(inventory)).Inventory).toBeDefined();
  });
});

/** The Condition of every statement of a function's role that grants an item action on the event store. */
const eventStoreConditions = (agentType: string, action: string): unknown[] => {
  const entry = CATALOG_AGENTS.find((candidate) => candidate.agentType === agentType);
  if (entry === undefined) throw new Error(`no catalog entry ${agentType}`);
  return roleStatements(entry)
    .filter((statement) => actionsOf(statement).includes(action))
    .filter((statement) =>
      mentionedLogicalIds(statement.Resource).some((id) => tableIdByLogicalId.get(id) === 'EventStore'),
    )
    .map((statement) => statement.Condition);
};

describe('least privilege: event store writers', () => {
  it.each([
    ['users', 'user-*'],
    ['orders', 'order-*'],
  ])('lets %s append only to its own streams (%s)', (agentType, pattern) => {
    for (const action of ['dynamodb:PutItem', 'dynamodb:ConditionCheckItem', 'dynamodb:Query']) {
      expect(eventStoreConditions(agentType, action)).toEqual([
        { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [pattern] } },
      ]);
    }
  });

  it('lets the snapshot writer put only snapshot attributes under snapshot keys, so it can write no event', () => {
    expect(eventStoreConditions('snapshot-writer', 'dynamodb:PutItem')).toEqual([
      {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['*#snapshot#*'] },
        'ForAllValues:StringEquals': {
          'dynamodb:Attributes': ['pk', 'sk', 'kind', 'streamId', 'reducerVersion', 'state', 'time'],
        },
        StringEqualsIfExists: { 'dynamodb:ReturnValues': ['NONE'] },
      },
    ]);
  });
});

describe('least privilege: state machines', () => {
  it.each(Object.entries(STATE_MACHINES))(
    '%s reaches exactly the functions, bus, machines and executions its ASL names',
    (key, contract) => {
      const machine = stack.stateMachines.get(key as StateMachineKey);
      const statements = statementsOfRole(template, logicalId(machine?.role.node.defaultChild as CfnElement));
      const targets = Object.values(contract.placeholders);
      const named = targets.flatMap((target) =>
        target.kind === 'functionArn' ? [`AgentBridge-${target.agentType}`] : [],
      );
      expect(invokedFunctions(statements)).toEqual([...new Set(named)].sort());
      expect(tableGrants(statements)).toEqual({});
      const started = statements
        .filter((statement) => actionsOf(statement).includes('states:StartExecution'))
        .flatMap((statement) => [
          ...JSON.stringify(resourcesOf(statement)).matchAll(/:stateMachine:([A-Za-z0-9_-]+)/g),
        ])
        .map((match) => match[1]);
      const expectedStarts = targets.flatMap((target) =>
        target.kind === 'stateMachineArn' ? [`AgentBridge-${target.machine}`] : [],
      );
      expect(started).toEqual(expectedStarts);
      const described = statements
        .filter((statement) => actionsOf(statement).includes('states:DescribeExecution'))
        .flatMap((statement) => [
          ...JSON.stringify(resourcesOf(statement)).matchAll(/:execution:([A-Za-z0-9_-]+):\*/g),
        ])
        .map((match) => match[1]);
      const expectedDescribed = targets.flatMap((target) =>
        target.kind === 'executionArnPrefix' ? [`AgentBridge-${target.machine}`] : [],
      );
      expect(described).toEqual(expectedDescribed);
      const publishes = statements.some((statement) => actionsOf(statement).includes('events:PutEvents'));
      expect(publishes).toBe(targets.some((target) => target.kind === 'eventBusName'));
    },
  );
});

/** The `events:source` values a statement's PutEvents is conditioned on (undefined: unconditioned). */
const putEventsSources = (statement: CfnStatement): string[] | undefined => {
  const equals = statement.Condition?.StringEquals as Record<string, string | string[]> | undefined;
  const sources = equals?.['events:source'];
  return sources === undefined ? undefined : [sources].flat();
};

/** Every `Source` the `events:putEvents` tasks of an ASL file write. */
const aslSources = (definitionFile: string): string[] =>
  [...readFileSync(projectPath(definitionFile), 'utf8').matchAll(/"Source"\s*:\s*"([^"]+)"/g)].map(
    (match) => match[1] ?? '',
  );

describe('least privilege: who may put which source on the bus', () => {
  it.each(CATALOG_AGENTS.filter((entry) => entry.publishes).map((entry) => [entry.id, entry] as const))(
    '%s may put events only under its own source, the one its runtime writes',
    (_id, entry) => {
      const grants = roleStatements(entry).filter((statement) =>
        actionsOf(statement).includes('events:PutEvents'),
      );
      expect(grants).toHaveLength(1);
      expect(grants.map(putEventsSources)).toEqual([[sourceFor(entry.agentType)]]);
      const fn = stack.agents.get(entry.agentType)?.agentFunction.function;
      const resource = resources[logicalId(fn?.node.defaultChild as CfnElement)];
      expect(environmentOf(resource ?? { Type: '' })[ENV.eventSource]).toBe(sourceFor(entry.agentType));
    },
  );

  it('lets the outbox publisher put only agentbridge.outbox, the source the users rules trust', () => {
    const outbox = CATALOG_AGENTS.find((entry) => entry.agentType === OUTBOX_FUNCTION_TYPE);
    if (outbox === undefined) throw new Error('catalog lacks the outbox publisher');
    const grants = roleStatements(outbox).filter((statement) =>
      actionsOf(statement).includes('events:PutEvents'),
    );
    expect(grants.map(putEventsSources)).toEqual([[OUTBOX_SOURCE]]);
  });

  it.each(Object.entries(STATE_MACHINES))(
    '%s may put events only under the source every putEvents task of its ASL writes',
    (key, contract) => {
      const machine = stack.stateMachines.get(key as StateMachineKey);
      const statements = statementsOfRole(template, logicalId(machine?.role.node.defaultChild as CfnElement));
      const grants = statements.filter((statement) => actionsOf(statement).includes('events:PutEvents'));
      expect(grants.map(putEventsSources)).toEqual([[contract.eventSource]]);
      const written = aslSources(contract.definitionFile);
      expect(written.length).toBeGreaterThan(0);
      expect(new Set(written)).toEqual(new Set([contract.eventSource]));
    },
  );

  it('grants events:PutEvents nowhere in the stack without an events:source condition', () => {
    const statements = Object.values(resourcesOfType(template, 'AWS::IAM::Policy')).flatMap(
      (policy) =>
        (policy.Properties?.PolicyDocument as { Statement?: CfnStatement[] } | undefined)?.Statement ?? [],
    );
    const putEvents = statements.filter((statement) =>
      actionsOf(statement).some((action) => action === 'events:PutEvents' || action === 'events:*'),
    );
    expect(putEvents.length).toBeGreaterThan(0);
    expect(putEvents.filter((statement) => putEventsSources(statement) === undefined)).toEqual([]);
  });
});
