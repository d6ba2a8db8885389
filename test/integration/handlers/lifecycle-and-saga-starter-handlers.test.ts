import { randomUUID } from 'node:crypto';
import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandInput,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import {
  ExecutionAlreadyExists,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ENV } from '../../../lambdas/contracts/env-names.js';
import { ORDER_PRODUCER_SOURCES } from '../../../lambdas/contracts/order/order-producers.js';
import { fakeLambdaContext } from '../../support/aws-loopback/fake-lambda-context.js';
import { setDeployedHandlerEnvironment } from '../../support/deployed-handler-environment.js';
import { createdOrderOnDynamoDb } from '../../support/lifecycle/created-order-on-dynamodb.js';

type Handler = (event: unknown, context: ReturnType<typeof fakeLambdaContext>) => Promise<unknown>;

const SAGA_ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:AgentBridge-order-saga';

/**
 * The lifecycle and saga starter entry files as Lambda loads them: module-scope wiring from the environment the
 * CDK stack sets, DynamoDB Local for task tokens, idempotency and agent state (AWS_ENDPOINT_URL_DYNAMODB), and
 * Step Functions and EventBridge mocked at the client.
 */
const load = async (agentType: 'lifecycle' | 'saga-starter'): Promise<Handler> => {
  process.env[ENV.agentType] = agentType;
  const module =
    agentType === 'lifecycle'
      ? await import('../../../lambdas/handlers/lifecycle-handler.js')
      : await import('../../../lambdas/handlers/saga-starter-handler.js');
  return module.handler as unknown as Handler;
};

/**
 * A bare EventBridge event from the outside service that produces it (no envelope): its detail-type is the
 * message type, its source that producer's default source.
 */
const bareEvent = (
  detailType: keyof typeof ORDER_PRODUCER_SOURCES,
  detail: Record<string, unknown>,
  id = randomUUID(),
) => ({
  version: '0',
  id,
  'detail-type': detailType,
  source: ORDER_PRODUCER_SOURCES[detailType],
  account: '000000000000',
  time: '2026-11-24T18:00:00Z',
  region: 'us-east-1',
  resources: [],
  detail,
});

const sfn = mockClient(SFNClient);
const eventBridge = mockClient(EventBridgeClient);
const published: PutEventsRequestEntry[] = [];

beforeAll(() =>
  setDeployedHandlerEnvironment(inject('dynamodbEndpoint'), {
    [ENV.sagaStateMachineArn]: SAGA_ARN,
  }),
);

beforeEach(() => {
  sfn.reset();
  eventBridge.reset();
  published.length = 0;
  eventBridge.on(PutEventsCommand).callsFake((input: PutEventsCommandInput) => {
    published.push(...(input.Entries ?? []));
    return { FailedEntryCount: 0, Entries: (input.Entries ?? []).map(() => ({ EventId: randomUUID() })) };
  });
});

describe('lifecycle handler', () => {
  it('parks the waiting task token and resumes the execution once when the trigger arrives', async () => {
    const handler = await load('lifecycle');
    sfn.on(SendTaskSuccessCommand).resolves({});
    const orderId = `o-${randomUUID()}`;
    const taskToken = `token-${randomUUID()}`;
    const charge = await createdOrderOnDynamoDb(orderId);
    const parked = await handler(
      {
        agentbridge: 'task',
        messageType: 'AwaitLifecycleTrigger',
        recipient: `lifecycle/${orderId}`,
        data: {
          orderId,
          state: 'created',
          awaiting: ['PaymentCompleted', 'OrderCancelled'],
          taskToken,
          ttlSeconds: 3_600,
        },
        id: `${orderId}:AwaitPayment`,
      },
      fakeLambdaContext('AgentBridge-lifecycle', 30_000),
    );
    expect(parked).toEqual({ orderId, awaiting: ['PaymentCompleted', 'OrderCancelled'], cleared: [] });

    const trigger = bareEvent('PaymentCompleted', { orderId, ...charge });
    await handler(trigger, fakeLambdaContext('AgentBridge-lifecycle', 30_000));
    const resumed = sfn.commandCalls(SendTaskSuccessCommand);
    expect(resumed).toHaveLength(1);
    expect(resumed[0]?.args[0].input.taskToken).toBe(taskToken);
    expect(JSON.parse(resumed[0]?.args[0].input.output ?? '{}')).toMatchObject({
      trigger: 'PaymentCompleted',
      data: { orderId, ...charge },
    });

    // EventBridge redelivers the same event (same id): idempotency answers it, nothing resumes twice.
    await handler(trigger, fakeLambdaContext('AgentBridge-lifecycle', 30_000));
    expect(sfn.commandCalls(SendTaskSuccessCommand)).toHaveLength(1);
    expect(published).toEqual([]);

    // The same trigger again, as a new event: the token is gone, so it is rejected on the bus, not resumed.
    await handler(
      bareEvent('PaymentCompleted', { orderId, ...charge }),
      fakeLambdaContext('AgentBridge-lifecycle', 30_000),
    );
    expect(sfn.commandCalls(SendTaskSuccessCommand)).toHaveLength(1);
    expect(published.map((entry) => entry.DetailType)).toEqual(['OrderTransitionRejected']);
    expect(JSON.parse(published[0]?.Detail ?? '{}')).toMatchObject({
      data: { orderId, trigger: 'PaymentCompleted' },
    });
  });
});

describe('saga starter handler', () => {
  const order = (orderId: string) => ({
    orderId,
    userId: 'u-1',
    items: [{ sku: 'SKU-1', quantity: 1, unitPrice: 1_000 }],
    payment: { cardToken: 'tok_visa' },
  });

  it('starts the order saga named after the order, with the order as input', async () => {
    const handler = await load('saga-starter');
    sfn.on(StartExecutionCommand).resolves({ executionArn: `${SAGA_ARN}:x`, startDate: new Date() });
    const orderId = `o-${randomUUID()}`;
    await handler(
      bareEvent('OrderRequested', order(orderId)),
      fakeLambdaContext('AgentBridge-saga-starter', 30_000),
    );
    const starts = sfn.commandCalls(StartExecutionCommand);
    expect(starts).toHaveLength(1);
    expect(starts[0]?.args[0].input).toMatchObject({ stateMachineArn: SAGA_ARN, name: orderId });
    expect(JSON.parse(starts[0]?.args[0].input.input ?? '{}')).toEqual({
      ...order(orderId),
      sagaId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('starts nothing for a second OrderRequested of the same order: its record in DynamoDB says started', async () => {
    const handler = await load('saga-starter');
    sfn.on(StartExecutionCommand).resolves({ executionArn: `${SAGA_ARN}:x`, startDate: new Date() });
    const orderId = `o-${randomUUID()}`;
    for (let delivery = 0; delivery < 2; delivery += 1) {
      await handler(
        bareEvent('OrderRequested', order(orderId)),
        fakeLambdaContext('AgentBridge-saga-starter', 30_000),
      );
    }
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(1);
  });

  it('treats an execution that already exists as done (a redelivered OrderRequested)', async () => {
    const handler = await load('saga-starter');
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));
    const orderId = `o-${randomUUID()}`;
    // Resolves: a rejection would make Lambda retry and EventBridge redeliver, forever failing.
    await handler(
      bareEvent('OrderRequested', order(orderId)),
      fakeLambdaContext('AgentBridge-saga-starter', 30_000),
    );
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(1);
  });
});
