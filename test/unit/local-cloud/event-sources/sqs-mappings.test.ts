import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../lambdas/contracts/logger.js';
import {
  type EventSourceMappings,
  startEventSourceMappings,
} from '../../../../local/cloud/event-sources/start-event-source-mappings.js';
import { localDeploymentOf, templateStack } from '../../../../local/cloud/load-local-deployment.js';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import type { LocalDeployment } from '../../../../local/cloud/local-deployment.js';
import { createLocalQueues, type LocalSqs } from '../../../../local/cloud/sqs/create-local-queues.js';
import { md5OfBody } from '../../../../local/cloud/sqs/message-md5.js';
import { testCloudContext } from '../../../support/local-cloud-context.js';
import { type RecordedInvocation, recordingFunctions } from '../../../support/recording-functions.js';

const template = JSON.parse(readFileSync('test/fixtures/local-cloud/event-sources.template.json', 'utf8'));
const loaded = localDeploymentOf([templateStack(template, 'Sources')], 'test/fixtures/local-cloud');
/** The fixture with only its queue mapping (no DynamoDB needed). */
const queueOnly: LocalDeployment = {
  ...loaded,
  eventSourceMappings: loaded.eventSourceMappings.filter((mapping) => mapping.source.kind === 'queue'),
};

const running: { sqs: LocalSqs; mappings: EventSourceMappings }[] = [];
afterEach(async () => {
  for (const { sqs, mappings } of running.splice(0)) {
    await mappings.close();
    await sqs.close();
  }
});

async function start(
  respond: (invocation: RecordedInvocation, index: number) => unknown,
  deployment = queueOnly,
) {
  const clock = new LocalClock({ start: Date.UTC(2026, 0, 1) });
  const functions = recordingFunctions(respond);
  const context = testCloudContext(deployment, { functions }, { clock });
  const sqs = createLocalQueues(context);
  const mappings = await startEventSourceMappings(context, {
    queues: sqs.registry,
    dynamoDbEndpoint: 'http://127.0.0.1:9',
    logger: silentLogger,
  });
  running.push({ sqs, mappings });
  const send = (body: unknown) => sqs.queues.sendMessage({ queue: 'jobs', body: JSON.stringify(body) });
  const counts = (name: string) => sqs.registry.get(name).counts();
  return { clock, functions, sqs, send, counts, context, mappings };
}

describe('SQS → function mappings', () => {
  it("hands a message to the function in Lambda's SQS record shape and deletes it once the function succeeds", async () => {
    const { functions, send, counts } = await start(() => null);
    const { messageId } = await send({ kind: 'job', id: 1 });
    await vi.waitFor(() => expect(counts('jobs')).toEqual({ visible: 0, inFlight: 0, delayed: 0 }));
    expect(functions.invocations).toHaveLength(1);
    const [record] = functions.invocations[0]?.event.Records ?? [];
    expect(record).toMatchObject({
      messageId,
      body: JSON.stringify({ kind: 'job', id: 1 }),
      md5OfBody: md5OfBody(JSON.stringify({ kind: 'job', id: 1 })),
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:jobs',
      awsRegion: 'us-east-1',
      attributes: {
        ApproximateReceiveCount: '1',
        SenderId: expect.any(String),
        SentTimestamp: expect.any(String),
      },
    });
  });

  it('deletes messages the filter rejects without invoking the function', async () => {
    const { functions, send, counts, sqs } = await start(() => null);
    await send({ kind: 'noise' });
    await sqs.queues.sendMessage({ queue: 'jobs', body: 'not json at all' });
    await vi.waitFor(() => expect(counts('jobs')).toEqual({ visible: 0, inFlight: 0, delayed: 0 }));
    expect(functions.invocations).toEqual([]);
  });

  it('returns only the messages reported as failed, after the visibility timeout', async () => {
    const failOnce = (record: Record<string, unknown>) =>
      JSON.parse(String(record.body)).id === 2 &&
      (record.attributes as Record<string, string>).ApproximateReceiveCount === '1';
    const { functions, send, counts, clock } = await start((invocation) => ({
      batchItemFailures: invocation.event.Records.filter(failOnce).map((record) => ({
        itemIdentifier: record.messageId,
      })),
    }));
    for (const id of [1, 2, 3]) await send({ kind: 'job', id });
    await vi.waitFor(() => expect(counts('jobs')).toEqual({ visible: 0, inFlight: 1, delayed: 0 }));
    const delivered = functions.invocations.length;
    await clock.advance('30s');
    await vi.waitFor(() => expect(counts('jobs')).toEqual({ visible: 0, inFlight: 0, delayed: 0 }));
    const retried = functions.invocations.slice(delivered).flatMap((invocation) => invocation.event.Records);
    expect(retried.map((record) => JSON.parse(String(record.body)).id)).toEqual([2]);
  });

  it('fails the whole batch on a report naming a message not in it', async () => {
    const { send, counts } = await start((_, index) =>
      index === 0 ? { batchItemFailures: [{ itemIdentifier: 'elsewhere' }] } : null,
    );
    await send({ kind: 'job', id: 1 });
    await send({ kind: 'job', id: 2 });
    await vi.waitFor(() => expect(counts('jobs').inFlight).toBe(2));
  });

  it('sends a message the function keeps failing to the dead-letter queue after maxReceiveCount receives', async () => {
    const { functions, send, counts, clock } = await start(() => 'throw');
    await send({ kind: 'job', id: 'poison' });
    await vi.waitFor(() => expect(functions.invocations).toHaveLength(1));
    await clock.advance('30s');
    await vi.waitFor(() => expect(functions.invocations).toHaveLength(2));
    await clock.advance('30s');
    await vi.waitFor(() => expect(counts('jobs-dead').visible).toBe(1));
    expect(counts('jobs')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    expect(functions.invocations).toHaveLength(2);
  });

  it('says when it is idle again after the clock released a batch to retry', async () => {
    const { functions, send, clock, mappings } = await start((_, index) => (index === 0 ? 'throw' : null));
    await send({ kind: 'job', id: 'retry' });
    await mappings.idle();
    expect(functions.invocations).toHaveLength(1);
    await clock.advance('30s');
    await mappings.idle();
    expect(functions.invocations).toHaveLength(2);
  });

  it('gathers a batch for the batching window on the clock before invoking', async () => {
    const windowed: LocalDeployment = {
      ...queueOnly,
      eventSourceMappings: queueOnly.eventSourceMappings.map((mapping) => ({
        ...mapping,
        maximumBatchingWindowSeconds: 5,
        maximumConcurrency: 2,
      })),
    };
    const { functions, send, clock } = await start(() => null, windowed);
    await send({ kind: 'job', id: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    await send({ kind: 'job', id: 2 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(functions.invocations).toEqual([]);
    await clock.advance('5s');
    await vi.waitFor(() =>
      expect(functions.invocations.flatMap((invocation) => invocation.event.Records)).toHaveLength(2),
    );
  });
});
