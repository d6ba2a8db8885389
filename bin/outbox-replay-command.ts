import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENV } from '../lambdas/contracts/env-names.js';
import { OUTBOX_SOURCE } from '../lambdas/contracts/sources.js';
import { EVENT_STORE_TABLE } from '../lambdas/contracts/tables/event-store-table.js';
import { eventBridgeOutboxPort } from '../lambdas/patterns/outbox/event-bridge-outbox-port.js';
import { replayStream } from '../lambdas/patterns/outbox/replay-stream.js';
import { EventPublisher } from '../lambdas/runtime/aws/event-publisher.js';
import { DynamoDbEventStoreAdapter } from '../lambdas/stores/event-store/dynamodb/dynamodb-event-store-adapter.js';
import { EventStore } from '../lambdas/stores/event-store/event-store.js';
import {
  type OnFailureBatch,
  OnFailureRecordError,
  parseOnFailureRecord,
} from './outbox-on-failure-record.js';

export const REPLAY_USAGE = `Usage: npm run outbox:replay -- --stream <id> [--from <version>] [--to <version>] [--on-failure <file>]

Republishes versions <from>..<to> of an event stream from the event store onto the bus exactly as the outbox
publishes them (detail-type = event type, source ${OUTBOX_SOURCE}, the same message id), for the records a
stream's on-failure destination received. Consumers deduplicate on the message id: republishing an event they
already took is harmless.

  --stream <id>            the stream (the outbox publisher's warning log names it for each failed record)
  --from <version>         first version (default 1, or the first event stored in the --on-failure window)
  --to <version>           last version (default the stream's last, or the last in the --on-failure window)
  --on-failure <file>      an on-failure record (its SQS message body, or the SQS message). It holds shard and
                           sequence pointers and arrival times only: the range is the events of --stream stored
                           from its first to its last arrival, widened by --margin-seconds (default 60)
  --table <name>           event store table (default $${EVENT_STORE_TABLE.envVar}, else ${EVENT_STORE_TABLE.localName})
  --bus <name>             event bus (default $${ENV.eventBusName})
  -h, --help               this text

AWS access as for the AWS CLI (AWS_REGION, credentials; AWS_ENDPOINT_URL for a local endpoint).
Prints one JSON line {"streamId","published":[versions],"failed"?:{"version","error"}}.
Exit codes: 0 every version published, 1 a version was not accepted (later ones were not tried), 2 bad arguments.`;

/** What the command talks to; the defaults build SDK clients from the environment. */
export interface ReplayCommandDeps {
  readonly env: NodeJS.ProcessEnv;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly documentClient?: DynamoDBDocumentClient;
  readonly eventBridge?: EventBridgeClient;
  readonly readFile?: (path: string) => string;
}

class UsageError extends Error {}

const version = (option: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1)
    throw new UsageError(`--${option} must be a version ≥ 1, got "${value}"`);
  return parsed;
};

/** Versions of the stream whose stored time lies in the record's arrival window, widened by `marginMs`. */
async function windowRange(
  store: EventStore,
  streamId: string,
  batch: OnFailureBatch,
  marginMs: number,
): Promise<{ fromVersion: number; toVersion: number }> {
  const start = Date.parse(batch.approximateArrivalOfFirstRecord) - marginMs;
  const end = Date.parse(batch.approximateArrivalOfLastRecord) + marginMs;
  const versions: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.readForward(streamId, { limit: 1_000, ...(cursor ? { cursor } : {}) });
    for (const event of page.events) {
      const time = Date.parse(event.metadata.time);
      if (time >= start && time <= end) versions.push(event.version);
    }
    cursor = page.cursor;
  } while (cursor !== undefined);
  const [fromVersion] = versions;
  const toVersion = versions.at(-1);
  if (fromVersion === undefined || toVersion === undefined) {
    throw new UsageError(
      `no event of ${streamId} was stored between ${new Date(start).toISOString()} and ${new Date(end).toISOString()}`,
    );
  }
  return { fromVersion, toVersion };
}

/**
 * `npm run outbox:replay`: parses the arguments, reads the range from the event store table and republishes it
 * through the outbox's own port ({@link replayStream}). Resolves the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await runReplayCommand(['--stream', 'order-42', '--from', '3'], { env: process.env, out, err });
 * ```
 */
export async function runReplayCommand(argv: readonly string[], deps: ReplayCommandDeps): Promise<number> {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        stream: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'on-failure': { type: 'string' },
        'margin-seconds': { type: 'string' },
        table: { type: 'string' },
        bus: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      deps.out(REPLAY_USAGE);
      return 0;
    }
    const streamId = values.stream;
    if (streamId === undefined || streamId === '') throw new UsageError('--stream is required');
    const eventBusName = values.bus ?? deps.env[ENV.eventBusName];
    if (eventBusName === undefined || eventBusName === '')
      throw new UsageError(`--bus or ${ENV.eventBusName} is required`);
    const margin = Number(values['margin-seconds'] ?? 60);
    if (!Number.isFinite(margin) || margin < 0) throw new UsageError('--margin-seconds must be a number ≥ 0');
    let fromVersion = version('from', values.from);
    let toVersion = version('to', values.to);
    const batch =
      values['on-failure'] === undefined
        ? undefined
        : parseOnFailureRecord(
            (deps.readFile ?? ((path) => readFileSync(path, 'utf8')))(values['on-failure']),
          );

    const tableName = values.table ?? (deps.env[EVENT_STORE_TABLE.envVar] || EVENT_STORE_TABLE.localName);
    const documentClient = deps.documentClient ?? DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const store = new EventStore({ adapter: new DynamoDbEventStoreAdapter({ documentClient, tableName }) });
    if (batch !== undefined) {
      const window = await windowRange(store, streamId, batch, margin * 1_000);
      fromVersion ??= window.fromVersion;
      toVersion ??= window.toVersion;
    }
    const publisher = new EventPublisher(deps.eventBridge ?? new EventBridgeClient({}));
    const port = eventBridgeOutboxPort({ publisher, eventBusName, source: OUTBOX_SOURCE });
    const result = await replayStream(store, port, { streamId, fromVersion: fromVersion ?? 1, toVersion });
    const failed =
      result.failed === undefined
        ? {}
        : { failed: { version: result.failed.version, error: String(result.failed.error) } };
    deps.out(JSON.stringify({ streamId, published: result.published, ...failed }));
    return result.failed === undefined ? 0 : 1;
  } catch (error) {
    if (!(error instanceof UsageError) && !isArgsError(error) && !isRecordError(error)) throw error;
    deps.err(`outbox:replay: ${error.message}`);
    deps.err('Run with --help for usage.');
    return 2;
  }
}

const isRecordError = (error: unknown): error is Error => error instanceof OnFailureRecordError;

/** `parseArgs` rejects an unknown option or a missing value with a TypeError coded ERR_PARSE_ARGS_*. */
const isArgsError = (error: unknown): error is Error =>
  error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
