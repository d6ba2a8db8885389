import { readFileSync } from 'node:fs';
import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandInput,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ENV } from '../../../lambdas/contracts/env-names.js';
import { EnvelopeSchema } from '../../../lambdas/contracts/envelope.js';
import { outboxMessageId } from '../../../lambdas/patterns/outbox/outbox-message-id.js';
import { fakeLambdaContext } from '../../support/aws-loopback/fake-lambda-context.js';

type Handler = (event: DynamoDBStreamEvent, context: unknown) => Promise<DynamoDBBatchResponse>;

const USER_1_V1 = outboxMessageId('user-1', 1);
const USER_1_V2 = outboxMessageId('user-1', 2);
const ORDER_7_V1 = outboxMessageId('order-7', 1);
const ORDER_7_SEQUENCE = '100000000000000000003';

/** Three event INSERTs from the event store's stream: user-1 v1 and v2, order-7 v1. */
const streamEvent = (): DynamoDBStreamEvent =>
  JSON.parse(
    readFileSync(new URL('../../fixtures/dynamodb-stream/event-inserts.json', import.meta.url), 'utf8'),
  );

const ENVIRONMENT = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  [ENV.eventBusName]: 'agentbridge-bus',
};

/** The bus behind a mocked EventBridgeClient: accepts every entry except those of the failing event ids. */
function bus() {
  const accepted: PutEventsRequestEntry[] = [];
  const attempts = new Map<string, number>();
  const failing = new Set<string>();
  const eventBridge = mockClient(EventBridgeClient);
  eventBridge.on(PutEventsCommand).callsFake((input: PutEventsCommandInput) => {
    const results = (input.Entries ?? []).map((entry) => {
      const id = EnvelopeSchema.parse(JSON.parse(entry.Detail ?? '')).metadata.id;
      attempts.set(id, (attempts.get(id) ?? 0) + 1);
      if (failing.has(id)) return { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' };
      accepted.push(entry);
      return { EventId: `eb-${id}` };
    });
    return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
  });
  const publishedIds = () =>
    accepted.map((entry) => EnvelopeSchema.parse(JSON.parse(entry.Detail ?? '')).metadata.id);
  return { accepted, attempts, failing, publishedIds };
}

async function loadHandler(): Promise<Handler> {
  vi.resetModules();
  const module = await import('../../../lambdas/handlers/outbox-publisher-handler.js');
  return module.handler as unknown as Handler;
}

const invoke = (handler: Handler) => handler(streamEvent(), fakeLambdaContext('outbox-publisher', 60_000));

describe('outbox publisher handler', () => {
  beforeAll(() => {
    for (const [name, value] of Object.entries(ENVIRONMENT)) vi.stubEnv(name, value);
  });

  it('publishes each new event with detail-type = event type, the outbox message id and the stored ids', async () => {
    const { accepted } = bus();
    const response = await invoke(await loadHandler());
    expect(response).toEqual({ batchItemFailures: [] });
    const userCreated = accepted.find((entry) => entry.DetailType === 'UserCreated');
    expect(userCreated).toMatchObject({
      EventBusName: 'agentbridge-bus',
      Source: 'agentbridge.outbox',
      Time: new Date('2026-01-02T03:04:05.678Z'),
    });
    const detail = JSON.parse(userCreated?.Detail ?? '');
    expect(EnvelopeSchema.parse(detail)).toEqual({
      metadata: {
        id: USER_1_V1,
        type: 'UserCreated',
        topicType: 'domain.UserCreated',
        topicSource: 'user-1',
        correlationId: 'req-1',
        causationId: 'cmd-1',
        time: '2026-01-02T03:04:05.678Z',
        schemaVersion: 1,
      },
      data: { name: 'Ada', email: 'ada@example.com' },
    });
    expect(detail.metadata).toMatchObject({
      eventId: '0b6c1c39-7f6e-4a0e-9a51-3c8f4c2f2a01',
      streamId: 'user-1',
      version: 1,
      actor: 'ada',
    });
    expect(accepted.map((entry) => entry.DetailType).sort()).toEqual([
      'OrderCreated',
      'UserCreated',
      'UserUpdated',
    ]);
  });

  it('reports the record whose publish keeps failing in batchItemFailures and publishes the others', async () => {
    const { failing, attempts, publishedIds } = bus();
    failing.add(ORDER_7_V1);
    const response = await invoke(await loadHandler());
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: ORDER_7_SEQUENCE }] });
    expect(publishedIds().sort()).toEqual([USER_1_V1, USER_1_V2].sort());
    // The runtime resent only the failed entry, up to its retry policy's five calls.
    expect(Object.fromEntries(attempts)).toEqual({ [USER_1_V1]: 1, [USER_1_V2]: 1, [ORDER_7_V1]: 5 });
  });

  it('fails at cold start, naming the variable, when the bus is not configured', async () => {
    vi.stubEnv(ENV.eventBusName, '');
    try {
      const failure = await loadHandler().catch((error: unknown) => error);
      // A fresh module graph, so a fresh error class: compare by name and code, not instanceof.
      expect(failure).toMatchObject({
        name: 'AwsRuntimeConfigError',
        code: 'AWS_RUNTIME_CONFIG',
        variable: ENV.eventBusName,
      });
    } finally {
      vi.stubEnv(ENV.eventBusName, ENVIRONMENT[ENV.eventBusName]);
    }
  });
});
