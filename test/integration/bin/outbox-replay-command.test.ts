import { randomUUID } from 'node:crypto';
import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandInput,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { REPLAY_USAGE, runReplayCommand } from '../../../bin/outbox-replay-command.js';
import { ENV } from '../../../lambdas/contracts/env-names.js';
import { OUTBOX_SOURCE } from '../../../lambdas/contracts/sources.js';
import { EVENT_STORE_TABLE } from '../../../lambdas/contracts/tables/event-store-table.js';
import { eventBridgeOutboxPort } from '../../../lambdas/patterns/outbox/event-bridge-outbox-port.js';
import { OutboxPublisher } from '../../../lambdas/patterns/outbox/outbox-publisher.js';
import { EventPublisher } from '../../../lambdas/runtime/aws/event-publisher.js';
import { DynamoDbEventStoreAdapter } from '../../../lambdas/stores/event-store/dynamodb/dynamodb-event-store-adapter.js';
import { EventStore } from '../../../lambdas/stores/event-store/event-store.js';
import type { SerializedEvent } from '../../../lambdas/stores/event-store/event-store-port.js';
import { addedEvents } from '../../conformance/event-store-harness.js';
import { testDynamoClients } from '../../support/dynamodb.js';
import { insertRecord } from '../../support/event-stream-records.js';

const { documentClient } = testDynamoClients();
const adapter = new DynamoDbEventStoreAdapter({ documentClient, tableName: EVENT_STORE_TABLE.localName });
const eventBridge = new EventBridgeClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
});
const bus = mockClient(eventBridge);
afterEach(() => bus.reset());

/** The bus accepts every entry except those whose detail names a version in `rejected`. */
const accepting = (rejected: readonly number[] = []) =>
  bus.on(PutEventsCommand).callsFake((input: PutEventsCommandInput) => {
    const results = (input.Entries ?? []).map((entry) =>
      rejected.includes(JSON.parse(entry.Detail ?? '').metadata.version)
        ? { ErrorCode: 'MalformedDetail', ErrorMessage: 'no' }
        : { EventId: 'e' },
    );
    return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
  });
const sent = (): PutEventsRequestEntry[] =>
  bus.commandCalls(PutEventsCommand).flatMap((call) => call.args[0].input.Entries ?? []);
const versionsSent = () => sent().map((entry) => JSON.parse(entry.Detail ?? '').metadata.version);

const run = async (argv: string[], files: Record<string, string> = {}) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReplayCommand(argv, {
    env: { [ENV.eventBusName]: 'agentbridge-bus', [EVENT_STORE_TABLE.envVar]: EVENT_STORE_TABLE.localName },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    documentClient,
    eventBridge,
    readFile: (path) => files[path] ?? '',
  });
  return { code, out, err };
};

/** A stream of `count` events; versions in `later` are stored an hour after the others. */
const seeded = async (count: number, later: readonly number[] = []) => {
  const streamId = `replay-${randomUUID()}`;
  const start = new Date('2026-03-01T10:00:00.000Z');
  for (const [index, event] of addedEvents(count).entries()) {
    const at = later.includes(index + 1) ? new Date(start.getTime() + 3_600_000) : start;
    await new EventStore({ adapter, clock: { now: () => at.getTime() } }).append(streamId, index, [event]);
  }
  return { streamId, start };
};

describe('npm run outbox:replay', () => {
  it('prints its usage with --help', async () => {
    expect(await run(['--help'])).toEqual({ code: 0, out: [REPLAY_USAGE], err: [] });
    expect(REPLAY_USAGE).toContain('--stream <id>');
  });

  it('refuses to run without a stream, with a version that is not one, or with an unknown option', async () => {
    const missing = await run(['--from', '2']);
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toContain('--stream is required');
    const bad = await run(['--stream', 'user-1', '--from', 'two']);
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toContain('--from must be a version');
    const unknown = await run(['--stream', 'user-1', '--versions', '1-3']);
    expect(unknown.code).toBe(2);
    expect(unknown.err[0]).toContain('--versions');
    expect(sent()).toEqual([]);
  });

  it('republishes a version range exactly as the outbox publisher put those events', async () => {
    accepting();
    const { streamId } = await seeded(4);
    const result = await run(['--stream', streamId, '--from', '2', '--to', '3']);
    expect(result).toEqual({ code: 0, out: [JSON.stringify({ streamId, published: [2, 3] })], err: [] });
    const replayed = sent();
    bus.resetHistory();

    const { events } = await adapter.readEvents(streamId, {
      direction: 'forward',
      minVersion: 2,
      maxVersion: 3,
      limit: 10,
    });
    const publisher = new OutboxPublisher({
      port: eventBridgeOutboxPort({
        publisher: new EventPublisher(eventBridge),
        eventBusName: 'agentbridge-bus',
        source: OUTBOX_SOURCE,
      }),
    });
    await publisher.publishBatch({
      Records: events.map((event: SerializedEvent, index) => insertRecord(event, index + 1)),
    });
    expect(replayed).toEqual(sent());
    expect(replayed.map((entry) => entry.Source)).toEqual([OUTBOX_SOURCE, OUTBOX_SOURCE]);
  });

  it('replays from a version to the stream end when no last version is given', async () => {
    accepting();
    const { streamId } = await seeded(3);
    expect((await run(['--stream', streamId, '--from', '2'])).code).toBe(0);
    expect(versionsSent()).toEqual([2, 3]);
  });

  it('stops at the version the bus rejects, exits 1 and names it', async () => {
    accepting([2]);
    const { streamId } = await seeded(3);
    const result = await run(['--stream', streamId]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out[0] ?? '')).toMatchObject({
      streamId,
      published: [1],
      failed: { version: 2 },
    });
    expect(versionsSent()).toEqual([1, 2]);
  });

  it("takes the range from an on-failure record's arrival window: the events of the stream stored in it", async () => {
    accepting();
    const { streamId, start } = await seeded(4, [3, 4]);
    const arrival = new Date(start.getTime() + 3_600_000).toISOString();
    const record = {
      requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: 11 },
      version: '1.0',
      timestamp: arrival,
      DDBStreamBatchInfo: {
        shardId: 'shardId-00000001',
        startSequenceNumber: '100',
        endSequenceNumber: '200',
        approximateArrivalOfFirstRecord: arrival,
        approximateArrivalOfLastRecord: arrival,
        batchSize: 2,
        streamArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/agentbridge-event-store/stream/x',
      },
    };
    // As `aws sqs receive-message` prints it: the record is the message body.
    const message = JSON.stringify({ MessageId: 'm-1', Body: JSON.stringify(record) });
    const result = await run(['--stream', streamId, '--on-failure', 'record.json'], {
      'record.json': message,
    });
    expect(result.out).toEqual([JSON.stringify({ streamId, published: [3, 4] })]);
    expect(versionsSent()).toEqual([3, 4]);
  });

  it('refuses a file that is not an on-failure record', async () => {
    const result = await run(['--stream', 'user-1', '--on-failure', 'x.json'], {
      'x.json': '{"Records":[]}',
    });
    expect(result.code).toBe(2);
    expect(result.err[0]).toContain('not an on-failure record');
  });
});
