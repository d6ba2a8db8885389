import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandInput,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENV } from '../../../lambdas/contracts/env-names.js';
import { EnvelopeSchema } from '../../../lambdas/contracts/envelope.js';
import { FakeIdempotencyTable } from '../../support/aws-loopback/fake-idempotency-table.js';
import { fakeLambdaContext } from '../../support/aws-loopback/fake-lambda-context.js';
import { sequenceAt, streamBatch, type TestEvent } from '../../support/event-stream-records.js';

type Handler = (event: DynamoDBStreamEvent, context: unknown) => Promise<DynamoDBBatchResponse>;

const ENVIRONMENT = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  [ENV.eventBusName]: 'agentbridge-bus',
};

interface Put {
  readonly streamId: string;
  readonly version: number;
  readonly messageId: string;
}

const putOf = (entry: PutEventsRequestEntry): Put => {
  const detail = JSON.parse(entry.Detail ?? '');
  const envelope = EnvelopeSchema.parse(detail);
  return {
    streamId: envelope.metadata.topicSource,
    version: detail.metadata.version,
    messageId: envelope.metadata.id,
  };
};
const at = (put: Put): string => `${put.streamId}@${put.version}`;

/** The bus behind a mocked EventBridgeClient: rejects the entries of `failing` (stream@version), accepts the rest. */
function bus() {
  const calls: Put[][] = [];
  const accepted: Put[] = [];
  const failing = new Set<string>();
  const state = { hanging: false };
  const eventBridge = mockClient(EventBridgeClient);
  eventBridge.on(PutEventsCommand).callsFake((input: PutEventsCommandInput) => {
    // A container that dies inside PutEvents: the call never returns.
    if (state.hanging) return new Promise(() => undefined);
    const puts = (input.Entries ?? []).map(putOf);
    calls.push(puts);
    const results = puts.map((put) => {
      if (failing.has(at(put))) return { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' };
      accepted.push(put);
      return { EventId: `eb-${at(put)}` };
    });
    return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
  });
  return { eventBridge, calls, accepted, failing, state };
}

async function loadHandler(): Promise<Handler> {
  vi.resetModules();
  const module = await import('../../../lambdas/handlers/outbox-publisher-handler.js');
  return module.handler as unknown as Handler;
}

const invoke = (handler: Handler, batch: DynamoDBStreamEvent) =>
  handler(batch, fakeLambdaContext('outbox-publisher', 60_000));

const streams = (count: number, versions: number): TestEvent[] =>
  Array.from({ length: versions }, (_, v) =>
    Array.from({ length: count }, (_, s) => ({ streamId: `order-${s + 1}`, version: v + 1 })),
  ).flat();

describe('outbox publisher handler: what it guarantees', () => {
  beforeAll(() => {
    for (const [name, value] of Object.entries(ENVIRONMENT)) vi.stubEnv(name, value);
  });
  // Any DynamoDB write (an idempotency record, a marker) would be counted here.
  let dynamoDb: FakeIdempotencyTable;
  beforeEach(() => {
    dynamoDb = FakeIdempotencyTable.install();
  });

  it('publishes the event of each stream when two streams hold events with the same caller-chosen id', async () => {
    const { accepted } = bus();
    const batch = streamBatch([
      { streamId: 'user-1', version: 1, id: 'import-42' },
      { streamId: 'user-2', version: 1, id: 'import-42' },
    ]);
    expect(await invoke(await loadHandler(), batch)).toEqual({ batchItemFailures: [] });
    expect(accepted.map(at).sort()).toEqual(['user-1@1', 'user-2@1']);
    // Consumers deduplicate on the message id: the two events must not share one.
    expect(new Set(accepted.map((put) => put.messageId)).size).toBe(2);
  });

  it('publishes at once on the delivery after a container died mid-publish, without waiting for a marker', async () => {
    const { eventBridge, accepted, state } = bus();
    const batch = streamBatch(streams(3, 1));
    state.hanging = true;
    void invoke(await loadHandler(), batch);
    await vi.waitFor(() => expect(eventBridge.commandCalls(PutEventsCommand).length).toBeGreaterThan(0));
    state.hanging = false;
    const retry = await invoke(await loadHandler(), batch);
    expect(retry).toEqual({ batchItemFailures: [] });
    expect(accepted.map(at).sort()).toEqual(['order-1@1', 'order-2@1', 'order-3@1']);
  });

  it('puts up to 10 events per PutEvents call and writes no idempotency record', async () => {
    const { calls, accepted } = bus();
    const response = await invoke(await loadHandler(), streamBatch(streams(25, 1)));
    expect(response).toEqual({ batchItemFailures: [] });
    expect(accepted).toHaveLength(25);
    expect(calls.map((call) => call.length)).toEqual([10, 10, 5]);
    expect(dynamoDb.writes()).toBe(0);
  });

  it('holds back the later versions of a stream whose event failed, and publishes the other streams in order', async () => {
    const { calls, accepted, failing } = bus();
    failing.add('order-1@1');
    const batch = streamBatch(streams(2, 3));
    const response = await invoke(await loadHandler(), batch);
    // Records: order-1@1, order-2@1, order-1@2, order-2@2, order-1@3, order-2@3.
    expect(response.batchItemFailures).toEqual(
      [0, 2, 4].map((index) => ({ itemIdentifier: sequenceAt(index) })),
    );
    expect(accepted.map(at)).toEqual(['order-2@1', 'order-2@2', 'order-2@3']);
    const sent = calls.flat().map(at);
    expect(sent).not.toContain('order-1@2');
    expect(sent).not.toContain('order-1@3');
  });

  it('republishes a redelivered event under the message id of its first publication', async () => {
    const { accepted } = bus();
    const batch = streamBatch([{ streamId: 'user-1', version: 1 }]);
    const handler = await loadHandler();
    await invoke(handler, batch);
    await invoke(await loadHandler(), batch);
    const ids = new Set(accepted.map((put) => put.messageId));
    expect(ids.size).toBe(1);
  });
});
