import { readFileSync } from 'node:fs';
import { EventBridgeClient, PutEventsCommand, type PutEventsCommandInput } from '@aws-sdk/client-eventbridge';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AGENT_METRICS } from '../../../lambdas/contracts/agent-metrics.js';
import { ENV } from '../../../lambdas/contracts/env-names.js';
import { EnvelopeSchema } from '../../../lambdas/contracts/envelope.js';
import { outboxMessageId } from '../../../lambdas/patterns/outbox/outbox-message-id.js';
import { fakeLambdaContext } from '../../support/aws-loopback/fake-lambda-context.js';
import { emfMetricsOf } from '../../support/emf-metrics.js';

type Handler = (event: DynamoDBStreamEvent, context: unknown) => Promise<DynamoDBBatchResponse>;

/** The message id of order-7 v1, one of the three event INSERTs of the fixture batch. */
const ORDER_7_V1 = outboxMessageId('order-7', 1);
const streamEvent = (): DynamoDBStreamEvent =>
  JSON.parse(
    readFileSync(new URL('../../fixtures/dynamodb-stream/event-inserts.json', import.meta.url), 'utf8'),
  );

/** The handler's module-scope environment, metrics published (Powertools prints EMF to stdout). */
const ENVIRONMENT = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_METRICS_DISABLED: 'false',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  [ENV.eventBusName]: 'agentbridge-bus',
};

/** A bus that accepts every entry except those of `failing` event ids, answering InternalFailure. */
function bus(failing: ReadonlySet<string>) {
  mockClient(EventBridgeClient)
    .on(PutEventsCommand)
    .callsFake((input: PutEventsCommandInput) => {
      const Entries = (input.Entries ?? []).map((entry) =>
        failing.has(EnvelopeSchema.parse(JSON.parse(entry.Detail ?? '')).metadata.id)
          ? { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }
          : { EventId: 'eb-1' },
      );
      return { FailedEntryCount: Entries.filter((entry) => 'ErrorCode' in entry).length, Entries };
    });
}

async function invokeFresh(): Promise<DynamoDBBatchResponse> {
  vi.resetModules();
  const module = await import('../../../lambdas/handlers/outbox-publisher-handler.js');
  return (module.handler as unknown as Handler)(streamEvent(), fakeLambdaContext('outbox-publisher', 60_000));
}

const metric = (name: string): string => `${AGENT_METRICS.namespace}/${name}`;

describe('outbox publisher metrics, read from the EMF it prints', () => {
  beforeAll(() => {
    for (const [name, value] of Object.entries(ENVIRONMENT)) vi.stubEnv(name, value);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('counts the stream records of a batch, and none failed when every event was published', async () => {
    bus(new Set());
    const totals = await emfMetricsOf(invokeFresh);
    expect(totals).toMatchObject({
      [metric(AGENT_METRICS.outboxRecords)]: 3,
      [metric(AGENT_METRICS.outboxFailedRecords)]: 0,
    });
  });

  it('counts a record whose publish kept failing as a failed record of its batch', async () => {
    bus(new Set([ORDER_7_V1]));
    const totals = await emfMetricsOf(invokeFresh);
    expect(totals).toMatchObject({
      [metric(AGENT_METRICS.outboxRecords)]: 3,
      [metric(AGENT_METRICS.outboxFailedRecords)]: 1,
    });
  });
});
