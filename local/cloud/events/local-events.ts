import { jsonProtocolService, type LocalAwsService } from '../endpoint/aws-service.js';
import type { LocalCloudContext, LocalEvents, LocalFaults, PutEventsEntry } from '../local-cloud-ports.js';
import { describeOperations } from './describe-operations.js';
import { EventBuses } from './event-buses.js';
import { checkPutEventsRequest, DEFAULT_MAX_REQUEST_BYTES } from './put-events-request.js';
import { ScheduleRules } from './schedule-rules.js';
import { type BackoffOptions, TargetDeliveries } from './target-deliveries.js';

export interface LocalEventsOptions {
  /** The PutEvents request limit in bytes (EventBridge's documented 256 KB by default). */
  readonly maxRequestBytes?: number;
  /** The retry backoff (1 s doubling to 5 min, with jitter, by default). */
  readonly backoff?: BackoffOptions;
  /** The faults to inject, read at each delivery (none by default). */
  readonly faults?: LocalFaults;
}

/** The local EventBridge's port, with what tests and the CLI wait on. */
export interface LocalEventBridge extends LocalEvents {
  /** Settles once no delivery attempt is running (retries armed on the clock wait for it to move). */
  drain(): Promise<void>;
  /** Retries armed on the clock and not yet fired. */
  readonly pendingRetries: number;
}

/**
 * The local EventBridge: PutEvents with AWS's limits and per-entry errors onto the deployment's buses, its
 * enabled pattern rules matched with the full pattern language, its rate-schedule rules fired on the cloud's
 * clock ({@link ScheduleRules}), targets (Lambda async, Step Functions, SQS,
 * another bus) fed the input AWS would shape, failed deliveries retried under each target's retry policy on
 * the cloud's clock and then dead-lettered with AWS's attributes; every event and delivery journaled. Served
 * over the JSON protocol (`AWSEvents.`, application/x-amz-json-1.1, signing name `events`).
 *
 * @example
 * ```ts
 * const { service, events } = createLocalEvents(context);
 * await events.putEvents([{ Source: 'shop', DetailType: 'OrderPlaced', Detail: '{"orderId":"o-1"}' }]);
 * ```
 */
export function createLocalEvents(
  context: LocalCloudContext,
  options: LocalEventsOptions = {},
): {
  service: LocalAwsService;
  events: LocalEventBridge;
  /** Settles once no delivery attempt is running, as the composition waits after moving the clock. */
  idle(): Promise<void>;
  close(): Promise<void>;
} {
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const deliveries = new TargetDeliveries(context, options.backoff);
  const buses = new EventBuses(context, deliveries, options.faults ?? { duplicateDeliveries: false });
  const schedules = new ScheduleRules(context, deliveries);
  const putEvents = async (entries: readonly PutEventsEntry[]) =>
    buses.putEvents(checkPutEventsRequest(entries, maxRequestBytes));
  const events: LocalEventBridge = {
    putEvents,
    drain: () => deliveries.drain(),
    get pendingRetries() {
      return deliveries.pendingRetries;
    },
  };
  const service = jsonProtocolService({
    signingNames: ['events'],
    targetPrefix: 'AWSEvents.',
    contentType: 'application/x-amz-json-1.1',
    operations: {
      PutEvents: async (input) => buses.putEvents(checkPutEventsRequest(input.Entries, maxRequestBytes)),
      ...describeOperations(buses, context.deployment.rules),
    },
  });
  return {
    service,
    events,
    idle: () => deliveries.drain(),
    close: () => {
      schedules.close();
      return deliveries.close();
    },
  };
}
