import type { Logger } from '../../lambdas/contracts/logger.js';
import { ensureBundledCdkOut } from '../cdk-out/cdk-out-template.js';
import type { JournalEntry, LocalJournal } from '../cloud/local-cloud-ports.js';
import { type LocalCloud, startLocalCloud } from '../cloud/start-local-cloud.js';
import { assertJavaAvailable } from '../dynamodb/ensure-dynamodb-local.js';
import { AwsOrderTarget, orderStackOf } from './aws-order-target.js';
import type { BusEvent } from './bus-trace-event.js';
import { TargetNotAvailableError } from './demo-error.js';

/** The outbox's source: domain events are counted apart from the order's own bus events. */
const OUTBOX_SOURCE = 'agentbridge.outbox';

/** The order's events as the local cloud's archive holds them (every PutEvents entry accepted on a bus). */
export function busEventsOf(entries: readonly JournalEntry[], orderId: string): BusEvent[] {
  const events: BusEvent[] = [];
  for (const entry of entries) {
    if (entry.service !== 'events' || entry.action !== 'PutEvents' || !entry.payload.includes(orderId))
      continue;
    const event = JSON.parse(entry.payload) as {
      'detail-type'?: string;
      source?: string;
      detail?: { metadata?: { correlationId?: string }; data?: { orderId?: unknown } } & Record<
        string,
        unknown
      >;
    };
    if (event.source === OUTBOX_SOURCE) continue;
    const data = event.detail?.metadata === undefined ? event.detail : event.detail.data;
    const correlated = event.detail?.metadata?.correlationId === orderId;
    if (!correlated && (data as { orderId?: unknown } | undefined)?.orderId !== orderId) continue;
    events.push({ type: event['detail-type'] ?? '', at: new Date(entry.at), data });
  }
  return events;
}

/** How long the journal stays unchanged before the cloud counts as settled: above any poll interval. */
const QUIET_MS = 250;

/** Resolves once `quietMs` pass with no entry recorded. */
export async function journalQuiet(journal: LocalJournal, quietMs: number): Promise<void> {
  let seen = -1;
  while (journal.entries().length !== seen) {
    seen = journal.entries().length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

export interface LocalCloudTargetOptions {
  /** A cdk.out with the order stack, bundled. Default: the repository's, synthesized when stale. */
  readonly cdkOutDir?: string;
  /** A running DynamoDB Local to use instead of starting one. */
  readonly dynamoDbEndpoint?: string;
  readonly logger?: Logger;
}

/**
 * The synthesized order stack on the local cloud, driven through its AWS APIs (`AwsOrderTarget`); the bus
 * events of the trace come from the cloud's archive.
 *
 * @example
 * ```ts
 * const target = await startLocalCloudTarget();
 * await target.placeOrder(order);
 * ```
 */
export async function startLocalCloudTarget(
  options: LocalCloudTargetOptions = {},
): Promise<AwsOrderTarget & { readonly cloud: LocalCloud }> {
  // Before a synth of half a minute: without Java (and no DynamoDB Local given) the cloud cannot start.
  if (options.dynamoDbEndpoint === undefined) assertJavaAvailable();
  const cdkOutDir = options.cdkOutDir ?? ensureBundledCdkOut();
  const cloud = await startLocalCloud({
    cdkOutDir,
    ...(options.dynamoDbEndpoint === undefined ? {} : { dynamoDbEndpoint: options.dynamoDbEndpoint }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  try {
    const stack = cloud.deployment.stacks.find((candidate) => candidate.outputs.EventBusName !== undefined);
    const anyFunction = cloud.deployment.functions[0];
    if (stack === undefined || anyFunction === undefined) {
      throw new TargetNotAvailableError('local-cloud', `${cdkOutDir} holds no order stack`);
    }
    const target = new AwsOrderTarget({
      name: 'local-cloud',
      stack: orderStackOf(stack.outputs, anyFunction.environment),
      clients: { endpoint: cloud.endpointUrl },
      busEvents: async (orderId) => busEventsOf(cloud.journal.entries(), orderId),
      settle: () => journalQuiet(cloud.journal, QUIET_MS),
      onClose: () => cloud.close(),
    });
    return Object.assign(target, { cloud });
  } catch (error) {
    await cloud.close();
    throw error;
  }
}
