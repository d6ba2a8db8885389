import type { CfnElement } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { ENV } from '../../lambdas/contracts/env-names.js';
import {
  EVENT_STORE_STREAM_FILTER_PATTERN,
  EVENT_STORE_TABLE,
} from '../../lambdas/contracts/tables/event-store-table.js';
import {
  OUTBOX_FUNCTION_TYPE,
  SNAPSHOT_FUNCTION_TYPE,
  SNAPSHOT_PARTITION_PATTERN,
} from '../../lib/constructs/event-store-functions.js';
import { synthAgentbridge } from './support/synth-agentbridge.js';
import {
  actionsOf,
  type CfnStatement,
  environmentOf,
  mentionedLogicalIds,
  referencedLogicalId,
  resourcesOf,
  resourcesOfType,
  roleOfFunction,
  statementsOfRole,
} from './support/template-queries.js';

const { stack, template, logicalId } = synthAgentbridge();
const functions = resourcesOfType(template, 'AWS::Lambda::Function');
const eventStore = logicalId(stack.tables.get(EVENT_STORE_TABLE.id)?.table.node.defaultChild as CfnElement);
const tableLogicalIds = [...stack.tables.values()].map((table) =>
  logicalId(table.table.node.defaultChild as CfnElement),
);

const functionOf = (agentType: string) => {
  const agent = stack.agents.get(agentType);
  const id = logicalId(agent?.agentFunction.function.node.defaultChild as CfnElement);
  const resource = functions[id];
  if (agent === undefined || resource === undefined) throw new Error(`no function for ${agentType}`);
  const streamDlq = agent.node.tryFindChild('StreamDeadLetterQueue')?.node.defaultChild as CfnElement;
  return {
    id,
    resource,
    streamDlq: logicalId(streamDlq),
    statements: statementsOfRole(template, roleOfFunction(resource)),
  };
};

const writer = functionOf(SNAPSHOT_FUNCTION_TYPE);
const mappings = Object.values(resourcesOfType(template, 'AWS::Lambda::EventSourceMapping'));
const mappingOf = (functionId: string) =>
  mappings.find((mapping) => referencedLogicalId(mapping.Properties?.FunctionName) === functionId);

const STREAM_ACTIONS = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'];

/** The writer's statements that grant item-level DynamoDB actions on the event store (not the stream reads). */
const itemStatements = (): CfnStatement[] =>
  writer.statements.filter(
    (statement) =>
      mentionedLogicalIds(statement.Resource).includes(eventStore) &&
      actionsOf(statement).some(
        (action) => action.startsWith('dynamodb:') && !STREAM_ACTIONS.includes(action),
      ),
  );

describe('snapshot writer', () => {
  it('runs the snapshot handler as its own function, with the event store table and no bus or agent role', () => {
    const variables = environmentOf(writer.resource);
    expect(variables[EVENT_STORE_TABLE.envVar]).toEqual(
      stack.resolve(stack.tables.get(EVENT_STORE_TABLE.id)?.table.tableName),
    );
    expect(Object.keys(JSON.parse(String(variables[ENV.agentFunctions])))).not.toContain(
      SNAPSHOT_FUNCTION_TYPE,
    );
    expect(writer.resource.Properties).toMatchObject({
      FunctionName: `AgentBridge-${SNAPSHOT_FUNCTION_TYPE}`,
    });
    expect(writer.statements.flatMap(actionsOf)).not.toContain('events:PutEvents');
  });

  it('is a second consumer of the event store stream: event inserts only, partial failures, its own DLQ', () => {
    const outbox = functionOf(OUTBOX_FUNCTION_TYPE);
    const mapping = mappingOf(writer.id);
    expect(mapping?.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [eventStore, 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(EVENT_STORE_STREAM_FILTER_PATTERN) }] },
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [writer.streamDlq, 'Arn'] } } },
    });
    expect(writer.streamDlq).not.toBe(outbox.streamDlq);
    expect(mappingOf(outbox.id)).toBeDefined();
    const onTheStream = mappings.filter((candidate) =>
      JSON.stringify(candidate.Properties?.EventSourceArn).includes(eventStore),
    );
    // DynamoDB Streams serve two readers per shard without throttling.
    expect(onTheStream).toHaveLength(2);
  });

  it('may Query the event store and PutItem only on snapshot partitions, nothing else on it', () => {
    const statements = itemStatements();
    const reads = statements.find((statement) => actionsOf(statement).includes('dynamodb:Query'));
    const writes = statements.find((statement) => actionsOf(statement).includes('dynamodb:PutItem'));
    expect(actionsOf(reads ?? { Effect: '', Action: [], Resource: [] })).toEqual(['dynamodb:Query']);
    expect(reads?.Condition).toBeUndefined();
    expect(actionsOf(writes ?? { Effect: '', Action: [], Resource: [] })).toEqual(['dynamodb:PutItem']);
    expect(writes?.Condition).toMatchObject({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [SNAPSHOT_PARTITION_PATTERN] },
      'ForAllValues:StringEquals': { 'dynamodb:Attributes': expect.not.arrayContaining(['data']) },
    });
    expect(SNAPSHOT_PARTITION_PATTERN).toBe('*#snapshot#*');
    expect(statements).toHaveLength(2);
    const dynamoActions = writer.statements
      .flatMap(actionsOf)
      .filter((action) => action.startsWith('dynamodb:'))
      .sort();
    expect(dynamoActions).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
      'dynamodb:PutItem',
      'dynamodb:Query',
    ]);
  });

  it('reads the stream by its ARN and touches no other table', () => {
    const streamStatement = writer.statements.find((statement) =>
      actionsOf(statement).includes('dynamodb:GetRecords'),
    );
    expect(resourcesOf(streamStatement ?? { Effect: '', Action: [], Resource: [] })).toEqual([
      { 'Fn::GetAtt': [eventStore, 'StreamArn'] },
    ]);
    const touched = tableLogicalIds.filter((id) =>
      writer.statements.some((statement) => mentionedLogicalIds(statement.Resource).includes(id)),
    );
    expect(touched).toEqual([eventStore]);
  });

  it('alarms on errors, on a falling-behind stream and on its stream dead-letter queue', () => {
    const alarms = Object.values(resourcesOfType(template, 'AWS::CloudWatch::Alarm')).map(
      (alarm) => alarm.Properties ?? {},
    );
    const on = (metric: string, logical: string) =>
      alarms.filter(
        (alarm) =>
          alarm.MetricName === metric &&
          (alarm.Dimensions as { Value: unknown }[]).some((d) => referencedLogicalId(d.Value) === logical),
      );
    expect(on('Errors', writer.id)).toHaveLength(1);
    expect(on('IteratorAge', writer.id)).toHaveLength(1);
    expect(on('ApproximateNumberOfMessagesVisible', writer.streamDlq)).toHaveLength(1);
  });
});
