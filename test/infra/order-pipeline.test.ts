import type { CfnElement } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { SAGA_STARTER_AGENT } from '../../lambdas/agents/saga-starter/saga-starter-declaration.js';
import { ENV } from '../../lambdas/contracts/env-names.js';
import { LIFECYCLE_AGENT_TYPE } from '../../lambdas/contracts/order/lifecycle-tasks.js';
import { SAGA_STARTER_AGENT_TYPE } from '../../lambdas/contracts/order/order-saga-io.js';
import { OUTBOX_SOURCE } from '../../lambdas/contracts/sources.js';
import { STATE_MACHINES } from '../../lambdas/contracts/state-machines.js';
import { EVENT_STORE_STREAM_FILTER_PATTERN } from '../../lambdas/contracts/tables/event-store-table.js';
import { IDEMPOTENCY_TABLE } from '../../lambdas/contracts/tables/idempotency-table.js';
import { OUTBOX_FUNCTION_TYPE } from '../../lib/constructs/event-store-functions.js';
import { stateMachineArnFor } from '../../lib/constructs/resource-names.js';
import { CATALOG_AGENTS } from './support/catalog-agents.js';
import { synthAgentbridge } from './support/synth-agentbridge.js';
import {
  actionsOf,
  environmentOf,
  referencedLogicalId,
  resourcesOf,
  resourcesOfType,
  roleOfFunction,
  statementsOfRole,
  targetsOf,
} from './support/template-queries.js';

const { stack, template, logicalId } = synthAgentbridge();
const functions = resourcesOfType(template, 'AWS::Lambda::Function');

const functionOf = (agentType: string) => {
  const fn = stack.agents.get(agentType)?.agentFunction.function;
  const id = logicalId(fn?.node.defaultChild as CfnElement);
  const resource = functions[id];
  if (resource === undefined) throw new Error(`no function for ${agentType}`);
  return { id, resource, statements: statementsOfRole(template, roleOfFunction(resource)) };
};

const machineArn = (key: keyof typeof STATE_MACHINES) =>
  stack.resolve(stateMachineArnFor(stack, `AgentBridge-${STATE_MACHINES[key].name}`));

describe('saga starter', () => {
  const starter = functionOf(SAGA_STARTER_AGENT_TYPE);

  it('receives OrderRequested, enveloped and bare, through its own rules', () => {
    const rules = Object.values(resourcesOfType(template, 'AWS::Events::Rule')).filter(
      (rule) => referencedLogicalId(targetsOf(rule)[0]?.Arn) === starter.id,
    );
    expect(rules).toHaveLength(SAGA_STARTER_AGENT.subscriptions?.length ?? 0);
  });

  it('knows the order saga by ARN and may start it, and nothing else', () => {
    expect(environmentOf(starter.resource)[ENV.sagaStateMachineArn]).toEqual(machineArn('orderSaga'));
    const starts = starter.statements.filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('states:')),
    );
    expect(starts.map(actionsOf)).toEqual([['states:StartExecution']]);
    expect(starts.flatMap(resourcesOf)).toEqual([machineArn('orderSaga')]);
  });
});

describe('lifecycle agent', () => {
  const lifecycle = functionOf(LIFECYCLE_AGENT_TYPE);

  it('knows the lifecycle machine and may only answer its task tokens', () => {
    expect(environmentOf(lifecycle.resource)[ENV.lifecycleStateMachineArn]).toEqual(
      machineArn('orderLifecycle'),
    );
    const states = lifecycle.statements
      .flatMap(actionsOf)
      .filter((action) => action.startsWith('states:'))
      .sort();
    expect(states).toEqual(['states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:SendTaskSuccess']);
  });
});

describe('outbox publisher', () => {
  const outbox = functionOf(OUTBOX_FUNCTION_TYPE);

  it('publishes under the outbox source, with no table of its own, and is no send target', () => {
    const variables = environmentOf(outbox.resource);
    expect(variables[ENV.eventSource]).toBe(OUTBOX_SOURCE);
    expect(variables).not.toHaveProperty(IDEMPOTENCY_TABLE.envVar);
    // Its only DynamoDB access is reading the event store's stream: no item of any table.
    const itemActions = outbox.statements
      .flatMap((statement) => [statement.Action].flat())
      .filter((action: string) => action.startsWith('dynamodb:') && !/Stream|Shard|Records/.test(action));
    expect(itemActions).toEqual([]);
    expect(variables[ENV.eventBusName]).toEqual(stack.resolve(stack.eventBus.eventBusName));
    expect(Object.keys(JSON.parse(String(variables[ENV.agentFunctions])))).not.toContain(
      OUTBOX_FUNCTION_TYPE,
    );
  });

  it('only gets event inserts from the stream (the contract filter), from the oldest record', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: outbox.id },
      StartingPosition: 'TRIM_HORIZON',
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(EVENT_STORE_STREAM_FILTER_PATTERN) }] },
    });
  });

  it('alarms when the stream falls behind', () => {
    const iteratorAlarms = Object.values(resourcesOfType(template, 'AWS::CloudWatch::Alarm')).filter(
      (alarm) =>
        alarm.Properties?.MetricName === 'IteratorAge' &&
        JSON.stringify(alarm.Properties.Dimensions).includes(JSON.stringify({ Ref: outbox.id })),
    );
    expect(iteratorAlarms).toHaveLength(1);
  });
});

describe('every function', () => {
  it('sends failed asynchronous invocations to its own dead-letter queue', () => {
    const configs = Object.values(resourcesOfType(template, 'AWS::Lambda::EventInvokeConfig'));
    for (const entry of CATALOG_AGENTS) {
      const agent = stack.agents.get(entry.agentType)?.agentFunction;
      const fnName = stack.resolve(agent?.function.functionName);
      const config = configs.find((candidate) => {
        const name = candidate.Properties?.FunctionName;
        return JSON.stringify(name) === JSON.stringify(fnName);
      });
      const destination = (
        config?.Properties?.DestinationConfig as { OnFailure?: { Destination?: unknown } } | undefined
      )?.OnFailure?.Destination;
      expect(referencedLogicalId(destination), entry.id).toBe(
        logicalId(agent?.deadLetterQueue.node.defaultChild as CfnElement),
      );
    }
  });
});
