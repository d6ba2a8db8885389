import { SendMessageCommand, type SendMessageCommandInput, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { AgentbridgeError } from '../../../../lambdas/contracts/agentbridge-error.js';
import { ENV } from '../../../../lambdas/contracts/env-names.js';
import { defineMessage } from '../../../../lambdas/contracts/message-type.js';
import { fromProducer } from '../../../../lambdas/contracts/senders.js';
import { BATCH_RESULTS_TABLE } from '../../../../lambdas/contracts/tables/batch-results-table.js';
import { BatchAggregator, failItem } from '../../../../lambdas/patterns/batch-aggregator/batch-aggregator.js';
import {
  type BatchResultRecord,
  BatchResultRecordSchema,
} from '../../../../lambdas/patterns/batch-aggregator/queued-requests.js';
import type { AgentSpec } from '../../../../lambdas/runtime/agent-spec.js';
import { InMemoryDeadLetterSink } from '../../../../lambdas/runtime/lambda/dead-letter/in-memory-dead-letter-sink.js';
import {
  queuedBatchHandler,
  queueSettingsFromEnv,
} from '../../../../lambdas/runtime/lambda/queued-batch-handler.js';
import { TypeSubscription } from '../../../../lambdas/runtime/type-subscription.js';
import { InMemoryItemStore } from '../../../../lambdas/stores/items/in-memory/in-memory-item-store.js';
import { fakeLambdaContext } from '../../../support/aws-loopback/fake-lambda-context.js';
import { quietPowertools } from '../../../support/aws-loopback/quiet-powertools.js';

const Lookup = defineMessage(
  'fixture.LookupRequested',
  z.object({ requestId: z.string(), service: z.string() }),
);
const PRODUCER = { sources: ['ops.console'], accounts: ['111122223333'] };
const SPEC: AgentSpec = {
  agentType: 'lookups',
  subscriptions: [
    new TypeSubscription(Lookup.name, 'lookups', { senders: { [Lookup.name]: fromProducer() } }),
  ],
  skipDirectMessageSubscription: true,
};

class CmdbBusyError extends AgentbridgeError {
  override readonly name = 'CmdbBusyError';
  constructor(service: string) {
    super('CMDB_BUSY', `${service} is locked for editing`, { transient: true });
  }
}

const recordOf = (messageId: string, detail: unknown, receiveCount = 1, source = 'ops.console'): SQSRecord =>
  ({
    messageId,
    receiptHandle: `rh-${messageId}`,
    body: JSON.stringify({
      version: '0',
      id: `event-${messageId}`,
      'detail-type': Lookup.name,
      source,
      account: '111122223333',
      time: '2026-12-02T18:00:00Z',
      region: 'us-east-1',
      resources: [],
      detail,
    }),
    attributes: { ApproximateReceiveCount: String(receiveCount) },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:111122223333:lookups',
    awsRegion: 'us-east-1',
  }) as SQSRecord;

const setup = () => {
  const calls: string[][] = [];
  const sqs = mockClient(SQSClient);
  const sent: SendMessageCommandInput[] = [];
  sqs.on(SendMessageCommand).callsFake((input: SendMessageCommandInput) => {
    sent.push(input);
    return { MessageId: 'dlq-1' };
  });
  const results = new InMemoryItemStore<BatchResultRecord>({
    table: BATCH_RESULTS_TABLE,
    schema: BatchResultRecordSchema,
  });
  const deadLetters = new InMemoryDeadLetterSink();
  const aggregator = new BatchAggregator<{ service: string }, { owner: string }>({
    name: 'cmdb',
    maxSize: 10,
    windowMs: 1_000,
    aggregators: {
      database_query: async (batch) => {
        calls.push(batch.requests.map((request) => request.id));
        return new Map(
          batch.requests.map(({ id, payload }) => [
            id,
            payload.service === 'billing'
              ? failItem(new CmdbBusyError('billing'))
              : { owner: `${payload.service}-team` },
          ]),
        );
      },
    },
  });
  const handler = queuedBatchHandler(
    SPEC,
    {
      message: Lookup,
      aggregator,
      results,
      requestOf: (lookup) => ({
        id: lookup.requestId,
        type: 'database_query',
        payload: { service: lookup.service },
      }),
    },
    {
      ...quietPowertools('lookups'),
      deadLetters,
      producers: { [Lookup.name]: PRODUCER },
      queue: queueSettingsFromEnv(
        { [ENV.queueDeadLetterUrl]: 'https://sqs.local/lookups-dlq', [ENV.queueMaxReceiveCount]: '3' },
        new SQSClient({ region: 'us-east-1' }),
      ),
    },
  );
  const invoke = (records: SQSRecord[]) =>
    handler({ Records: records } as SQSEvent, fakeLambdaContext('opsdesk-lookups', 30_000));
  return { calls, sent, results, deadLetters, invoke };
};

describe('the handler of a queue-fed batch aggregator', () => {
  it('answers the whole queue batch in one call and lists only the record to retry', async () => {
    const { invoke, calls, results } = setup();
    const response = await invoke([
      recordOf('m1', { requestId: 'r1', service: 'checkout' }),
      recordOf('m2', { requestId: 'r2', service: 'billing' }),
      recordOf('m3', { requestId: 'r3', service: 'search' }),
    ]);
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm2' }] });
    expect(calls).toEqual([['r1', 'r2', 'r3']]);
    expect(await results.get('r3')).toMatchObject({ status: 'succeeded', result: { owner: 'search-team' } });
    expect(await results.get('r2')).toBeUndefined();
  });

  it("dead-letters the record on the queue's last receive as it came, with its cause", async () => {
    const { invoke, sent, results } = setup();
    const record = recordOf('m2', { requestId: 'r2', service: 'billing' }, 3);
    expect(await invoke([record])).toEqual({ batchItemFailures: [] });
    expect(sent).toEqual([
      {
        QueueUrl: 'https://sqs.local/lookups-dlq',
        MessageBody: record.body,
        MessageAttributes: {
          'agentbridge.reason': { DataType: 'String', StringValue: 'retries-exhausted' },
          'agentbridge.code': { DataType: 'String', StringValue: 'CMDB_BUSY' },
          'agentbridge.error': { DataType: 'String', StringValue: 'billing is locked for editing' },
        },
      },
    ]);
    expect(await results.get('r2')).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: { code: 'CMDB_BUSY' },
    });
  });

  it('records bad input and a forged sender on the function dead-letter sink without a retry', async () => {
    const { invoke, deadLetters, calls } = setup();
    const response = await invoke([
      recordOf('bad', { requestId: 'r9' }),
      recordOf('forged', { requestId: 'r8', service: 'checkout' }, 1, 'somebody.else'),
      { ...recordOf('text', {}), body: 'not json' },
      recordOf('good', { requestId: 'r1', service: 'checkout' }),
    ]);
    expect(response).toEqual({ batchItemFailures: [] });
    expect(deadLetters.records().map((record) => record.reason)).toEqual([
      'schema-violation',
      'forbidden-sender',
      'invalid-json',
    ]);
    expect(calls).toEqual([['r1']]);
  });

  it('refuses to start without the queue settings its deployment writes', () => {
    const sqs = new SQSClient({ region: 'us-east-1' });
    expect(() => queueSettingsFromEnv({ [ENV.queueDeadLetterUrl]: 'https://sqs.local/dlq' }, sqs)).toThrow(
      ENV.queueMaxReceiveCount,
    );
    expect(() =>
      queueSettingsFromEnv(
        { [ENV.queueDeadLetterUrl]: 'https://sqs.local/dlq', [ENV.queueMaxReceiveCount]: 'zero' },
        sqs,
      ),
    ).toThrow(expect.objectContaining({ code: 'AWS_RUNTIME_CONFIG' }));
  });
});
