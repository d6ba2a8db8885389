import { isAgentbridgeError, messageOf } from '../../../lambdas/contracts/agentbridge-error.js';
import { AwsServiceError } from '../endpoint/aws-service.js';
import type { LocalCloudContext } from '../local-cloud-ports.js';
import type { LocalRuleTarget } from '../local-deployment.js';
import type { BusEvent } from './target-input.js';

/**
 * Hands one input to a rule target by what it is: a function is invoked asynchronously (as EventBridge
 * invokes Lambda), a state machine started, a queue sent a message (a FIFO queue with the target's message
 * group and the event id as deduplication id), another bus put the event. Throws what the destination
 * answered; an `external` ARN has nothing local behind it and fails as not found.
 */
export async function sendToTarget(
  context: LocalCloudContext,
  target: LocalRuleTarget,
  event: BusEvent,
  input: string,
): Promise<void> {
  const { destination } = target;
  switch (destination.kind) {
    case 'function':
      await context.functions().invokeAsync(destination.name, input);
      return;
    case 'stateMachine':
      await context.executions().startExecution({ stateMachineArn: destination.arn, input });
      return;
    case 'queue': {
      const fifo = context.deployment.queues.find((queue) => queue.arn === destination.arn)?.fifo ?? false;
      await context.queues().sendMessage({
        queue: destination.arn,
        body: input,
        ...(fifo ? { messageGroupId: target.messageGroupId ?? event.id, deduplicationId: event.id } : {}),
      });
      return;
    }
    case 'eventBus': {
      const result = await context.events().putEvents([
        {
          Source: event.source,
          DetailType: event['detail-type'],
          Detail: JSON.stringify(event.detail),
          Resources: event.resources,
          Time: event.time,
          EventBusName: destination.name,
        },
      ]);
      const [entry] = result.Entries;
      if (result.FailedEntryCount > 0 || entry?.EventId === undefined) {
        throw new AwsServiceError(entry?.ErrorCode ?? 'InternalException', entry?.ErrorMessage ?? 'not put', {
          status: 400,
        });
      }
      return;
    }
    default:
      throw new AwsServiceError('ResourceNotFoundException', `Nothing local answers for ${destination.arn}`, {
        status: 404,
      });
  }
}

/** How a failed delivery is handled: retried under the target's policy, or sent to its DLQ at once. */
export interface DeliveryFailure {
  /** The DLQ's `ERROR_CODE` (AWS's list: THROTTLING, NO_RESOURCE, NO_PERMISSIONS, …). */
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly retriable: boolean;
}

const NOT_FOUND = /NotFound|DoesNotExist|NonExistent/;
const THROTTLED = /Throttl|TooManyRequests|RequestLimitExceeded/;

/**
 * What a destination's error means for delivery, as EventBridge treats it: throttling (429), a 5xx or any
 * transient error is retried; a missing resource or permission is not (it goes straight to the DLQ), nor is
 * a request the destination refuses or an error the local cloud cannot classify.
 */
export function classifyFailure(error: unknown): DeliveryFailure {
  const message = messageOf(error);
  if (!(error instanceof AwsServiceError)) {
    const transient = isAgentbridgeError(error) && error.transient;
    return {
      errorCode: transient ? 'INTERNAL_ERROR' : 'UNKNOWN',
      errorMessage: message,
      retriable: transient,
    };
  }
  const code = error.awsCode;
  if (error.status === 429 || THROTTLED.test(code)) {
    return { errorCode: 'THROTTLING', errorMessage: message, retriable: true };
  }
  if (error.status >= 500 || error.transient) {
    return { errorCode: 'INTERNAL_ERROR', errorMessage: message, retriable: true };
  }
  if (error.status === 404 || NOT_FOUND.test(code)) {
    return { errorCode: 'NO_RESOURCE', errorMessage: message, retriable: false };
  }
  if (error.status === 403 || /AccessDenied|NotAuthorized|Unauthorized/.test(code)) {
    return { errorCode: 'NO_PERMISSIONS', errorMessage: message, retriable: false };
  }
  return { errorCode: 'INVALID_PARAMETER', errorMessage: message, retriable: false };
}
