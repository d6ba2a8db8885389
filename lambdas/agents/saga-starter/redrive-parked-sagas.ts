import { messageOf } from '../../contracts/agentbridge-error.js';
import {
  type ParkedSaga,
  ParkedSagaSchema,
  type SagaResumeStep,
} from '../../contracts/order/order-saga-io.js';
import type { ExecutionStarter } from './execution-starter-port.js';
import type { ParkedSagaQueue } from './parked-saga-queue-port.js';

export interface RedriveOptions {
  readonly queue: ParkedSagaQueue;
  /** Starts `order-saga` executions (the same adapter the saga starter uses). */
  readonly starter: ExecutionStarter;
  /** Stop after this many messages (default: until the queue answers none). */
  readonly limit?: number;
}

/** What one redrive run did, message by message. */
export interface RedriveReport {
  /** Started again at `resumeAt`; their messages are deleted. */
  readonly redriven: {
    readonly orderId: string;
    readonly resumeAt: SagaResumeStep;
    readonly executionArn: string;
  }[];
  /** Not a parked saga (bad JSON or shape): left in the queue for an operator, with the reason. */
  readonly unreadable: { readonly receiptHandle: string; readonly reason: string }[];
  /** StartExecution refused or failed: left in the queue, it comes back after the visibility timeout. */
  readonly notStarted: { readonly orderId: string; readonly reason: string }[];
}

const parse = (body: string): ParkedSaga | string => {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return `not JSON: ${messageOf(error)}`;
  }
  const parsed = ParkedSagaSchema.safeParse(json);
  return parsed.success
    ? parsed.data
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
};

/**
 * Starts every parked order saga again: each message's body (the saga's state with `resumeAt`, as the
 * ParkSaga state wrote it) becomes the input of a new `order-saga` execution named after the order, which
 * continues at `resumeAt`. The message is deleted only once StartExecution answered, so a crash in between
 * redrives it again, and that is safe: the resumed steps are idempotent per (sagaId, step) and the outcome
 * event's message id derives from the saga id.
 *
 * @example
 * ```ts
 * const report = await redriveParkedSagas({ queue: new SqsParkedSagaQueue({ client, queueUrl }), starter });
 * ```
 */
export async function redriveParkedSagas(options: RedriveOptions): Promise<RedriveReport> {
  const report: RedriveReport = { redriven: [], unreadable: [], notStarted: [] };
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let seen = 0;
  while (seen < limit) {
    const batch = await options.queue.receive(Math.min(10, limit - seen));
    if (batch.length === 0) break;
    for (const message of batch) {
      seen += 1;
      const parked = parse(message.body);
      if (typeof parked === 'string') {
        report.unreadable.push({ receiptHandle: message.receiptHandle, reason: parked });
        continue;
      }
      try {
        const { executionArn } = await options.starter.start({ name: parked.orderId, input: parked });
        await options.queue.delete(message.receiptHandle);
        report.redriven.push({ orderId: parked.orderId, resumeAt: parked.resumeAt, executionArn });
      } catch (error) {
        report.notStarted.push({
          orderId: parked.orderId,
          reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        });
      }
    }
  }
  return report;
}
