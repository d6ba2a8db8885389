import { describe, expect, it } from 'vitest';
import { loadLocalDeployment } from '../../../../local/cloud/load-local-deployment.js';
import { stagedCdkOut } from './staged-cdk-out.js';

const DIR = stagedCdkOut('resources');
const deployment = loadLocalDeployment(DIR);
const ARN = 'arn:aws:%s:us-east-1:000000000000:';
const arn = (service: string, resource: string) => `${ARN.replace('%s', service)}${resource}`;
const byId = <T extends { logicalId: string }>(items: readonly T[], logicalId: string): T => {
  const found = items.find((item) => item.logicalId === logicalId);
  if (found === undefined) throw new Error(`no ${logicalId} in the model`);
  return found;
};
const queueLink = (name: string) => ({ kind: 'queue', arn: arn('sqs', name), name });

describe('the local deployment model of a template', () => {
  it('builds a table with keys, indexes, billing, stream view type and TTL attribute', () => {
    const table = byId(deployment.tables, 'Table');
    expect(table).toMatchObject({
      tableName: 'orders',
      arn: arn('dynamodb', 'table/orders'),
      keySchema: [
        { attributeName: 'pk', keyType: 'HASH' },
        { attributeName: 'sk', keyType: 'RANGE' },
      ],
      billingMode: 'PAY_PER_REQUEST',
      globalSecondaryIndexes: [
        {
          indexName: 'byEmail',
          keySchema: [{ attributeName: 'email', keyType: 'HASH' }],
          projection: { projectionType: 'INCLUDE', nonKeyAttributes: ['status'] },
        },
      ],
      localSecondaryIndexes: [{ indexName: 'byPlacedAt', projection: { projectionType: 'KEYS_ONLY' } }],
      stream: { viewType: 'NEW_AND_OLD_IMAGES' },
      timeToLiveAttribute: 'expiresAt',
    });
    expect(table.attributeDefinitions).toContainEqual({ attributeName: 'sk', attributeType: 'N' });
    const plain = byId(deployment.tables, 'Plain');
    expect([plain.billingMode, plain.stream, plain.timeToLiveAttribute]).toEqual([
      'PROVISIONED',
      undefined,
      undefined,
    ]);
  });

  it("builds queues with AWS's defaults and their redrive policies (object or JSON text) linked to the DLQ", () => {
    expect(byId(deployment.queues, 'Work')).toMatchObject({
      url: 'http://sqs.us-east-1.localhost.localstack.cloud:4566/000000000000/work',
      visibilityTimeoutSeconds: 180,
      messageRetentionSeconds: 345_600,
      delaySeconds: 5,
      redrivePolicy: { deadLetterTarget: queueLink('dead-letters'), maxReceiveCount: 3 },
    });
    expect(byId(deployment.queues, 'Legacy')).toMatchObject({
      fifo: true,
      contentBasedDeduplication: true,
      redrivePolicy: { deadLetterTarget: queueLink('dead-letters'), maxReceiveCount: 5 },
    });
    expect(byId(deployment.queues, 'DeadLetters')).toMatchObject({
      messageRetentionSeconds: 1_209_600,
      redrivePolicy: undefined,
    });
  });

  it('builds the declared bus and the default bus every account has', () => {
    expect(deployment.eventBuses).toEqual([
      {
        name: 'orders-bus',
        arn: arn('events', 'event-bus/orders-bus'),
        origin: { stackName: 'Resources', logicalId: 'Bus' },
      },
      { name: 'default', arn: arn('events', 'event-bus/default'), origin: undefined },
    ]);
  });

  it('builds a rule with its resolved pattern and targets: input shaping, dead-letter queue, retry policy, role', () => {
    const rule = byId(deployment.rules, 'Routing');
    expect(rule).toMatchObject({
      name: 'routing',
      arn: arn('events', 'rule/orders-bus/routing'),
      eventBusName: 'orders-bus',
      state: 'ENABLED',
      eventPattern: {
        source: ['shop'],
        account: ['000000000000'],
        detail: { total: [{ numeric: ['>', 100] }] },
      },
    });
    const [worker, saga, queue, topic] = rule.targets;
    expect(worker).toMatchObject({
      id: 'ToWorker',
      destination: { kind: 'function', name: 'worker' },
      inputPath: '$.detail',
      deadLetterQueue: queueLink('dead-letters'),
      retryPolicy: { maximumRetryAttempts: 8, maximumEventAgeSeconds: 7200 },
    });
    expect(saga).toMatchObject({
      destination: { kind: 'stateMachine', name: 'saga', arn: arn('states', 'stateMachine:saga') },
      roleArn: expect.stringMatching(/^arn:aws:iam::000000000000:role\/Resources-MachineRole-/),
      inputTransformer: {
        inputPathsMap: { order: '$.detail.orderId' },
        inputTemplate: '{"orderId": <order>}',
      },
      retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeSeconds: 86_400 },
    });
    expect(queue).toMatchObject({
      destination: { kind: 'queue', name: 'legacy.fifo' },
      input: '{"fixed":true}',
      messageGroupId: 'orders',
    });
    expect(topic?.destination.kind).toBe('external');
  });

  it('reads a pattern given as JSON text, a disabled state and the default bus', () => {
    expect(byId(deployment.rules, 'Nightly')).toMatchObject({
      eventBusName: 'default',
      state: 'DISABLED',
      eventPattern: { source: ['aws.events'] },
      arn: expect.stringMatching(/^arn:aws:events:us-east-1:000000000000:rule\/Resources-Nightly-/),
    });
  });

  it('builds a function from its bundle directory with its environment resolved', () => {
    expect(byId(deployment.functions, 'Worker')).toMatchObject({
      name: 'worker',
      arn: arn('lambda', 'function:worker'),
      handler: 'index.handler',
      runtime: 'nodejs22.x',
      code: { kind: 'directory', dir: `${DIR}/asset.${'1'.repeat(64)}` },
      environment: {
        QUEUE_URL: 'http://sqs.us-east-1.localhost.localstack.cloud:4566/000000000000/work',
        TABLE_NAME: 'orders',
        RETRIES: '3',
      },
      timeoutSeconds: 15,
      memoryMb: 1024,
      architecture: 'arm64',
      reservedConcurrency: 4,
      deadLetterTarget: queueLink('dead-letters'),
    });
  });

  it("builds async invoke configurations, with AWS's defaults where the template is silent", () => {
    expect(byId(deployment.eventInvokeConfigs, 'WorkerAsync')).toMatchObject({
      functionName: 'worker',
      maximumRetryAttempts: 1,
      maximumEventAgeSeconds: 3600,
      onFailure: queueLink('dead-letters'),
      onSuccess: { kind: 'eventBus', name: 'orders-bus' },
    });
    expect(byId(deployment.eventInvokeConfigs, 'DefaultsAsync')).toMatchObject({
      functionName: 'worker',
      maximumRetryAttempts: 2,
      maximumEventAgeSeconds: 21_600,
      onFailure: undefined,
    });
  });

  it('builds a stream mapping with batching, filters, partial batch responses, bisection and its destination', () => {
    expect(byId(deployment.eventSourceMappings, 'StreamMapping')).toMatchObject({
      functionName: 'worker',
      source: { kind: 'tableStream', name: 'orders' },
      batchSize: 25,
      maximumBatchingWindowSeconds: 2,
      startingPosition: 'TRIM_HORIZON',
      filters: [{ eventName: ['INSERT'] }],
      reportBatchItemFailures: true,
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: 10,
      maximumRecordAgeSeconds: 86_400,
      parallelizationFactor: 2,
      onFailure: queueLink('dead-letters'),
    });
  });

  it("builds a queue mapping with AWS's defaults (10 a batch, no retry limit)", () => {
    expect(byId(deployment.eventSourceMappings, 'QueueMapping')).toMatchObject({
      source: queueLink('work'),
      batchSize: 10,
      filters: [],
      reportBatchItemFailures: false,
      maximumRetryAttempts: undefined,
      maximumConcurrency: 5,
    });
  });

  it('builds state machines from a joined definition string, an asset file and an inline object, substitutions applied', () => {
    expect(byId(deployment.stateMachines, 'Saga')).toMatchObject({
      name: 'saga',
      type: 'EXPRESS',
      loggingLevel: 'ALL',
      includeExecutionData: true,
      definition: {
        States: { Work: { Resource: arn('lambda', 'function:worker'), Parameters: { Bus: 'orders-bus' } } },
      },
    });
    expect(byId(deployment.stateMachines, 'Stored')).toMatchObject({
      type: 'STANDARD',
      loggingLevel: 'OFF',
      definition: {
        States: {
          Notify: {
            Parameters: {
              QueueUrl: 'http://sqs.us-east-1.localhost.localstack.cloud:4566/000000000000/work',
            },
          },
        },
      },
    });
    expect(byId(deployment.stateMachines, 'Inline').definition).toEqual({
      StartAt: 'Wait',
      States: { Wait: { Type: 'Wait', Seconds: 1, End: true } },
    });
  });

  it("resolves the stack's outputs", () => {
    expect(deployment.stacks[0]?.outputs).toEqual({
      WorkUrl: 'http://sqs.us-east-1.localhost.localstack.cloud:4566/000000000000/work',
    });
  });
});
