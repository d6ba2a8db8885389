import type { LocalEventSink } from '../../stepfunctions/local-event-sink.js';
import type { LocalLambdaInvoker } from '../../stepfunctions/local-lambda-invoker.js';
import type { LocalQueueSink } from '../../stepfunctions/local-queue-sink.js';
import { TaskFailureError } from '../../stepfunctions/task-failure-error.js';
import { AwsServiceError } from '../endpoint/aws-service.js';
import type { LocalCloudContext } from '../local-cloud-ports.js';

const parsed = (text: string): unknown => {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/**
 * `lambda:invoke` tasks on the local Lambda service, mapped as the integration maps them on AWS: a function
 * error (`X-Amz-Function-Error`) fails the task with the payload's `errorType` as its Error (what Retry/Catch
 * match, e.g. `TransientError`) and the payload itself as its Cause; a refused invocation fails it with
 * `Lambda.<exception>` (`Lambda.TooManyRequestsException`, `Lambda.ResourceNotFoundException`).
 */
export function cloudLambdaInvoker(context: LocalCloudContext): LocalLambdaInvoker {
  return async ({ functionName, payload }) => {
    let result: Awaited<ReturnType<ReturnType<LocalCloudContext['functions']>['invoke']>>;
    try {
      result = await context.functions().invoke(functionName, JSON.stringify(payload ?? null));
    } catch (error) {
      if (error instanceof AwsServiceError) {
        throw new TaskFailureError(`Lambda.${error.awsCode}`, error.message, { cause: error });
      }
      throw error;
    }
    const body = parsed(result.payload);
    if (result.functionError !== undefined) {
      const errorType = (body as { errorType?: unknown } | null)?.errorType;
      // AWS names a function error without an errorType (a crash, a timeout) Lambda.Unknown.
      throw new TaskFailureError(
        typeof errorType === 'string' ? errorType : 'Lambda.Unknown',
        result.payload,
      );
    }
    return body;
  };
}

/** `events:putEvents` tasks on the local bus; a failed entry fails the task (`EventBridge.FailedEntry`). */
export function cloudEventSink(context: LocalCloudContext): LocalEventSink {
  return {
    async putEvents(entries) {
      const result = await context.events().putEvents(
        entries.map((entry) => ({
          Source: entry.Source,
          DetailType: entry.DetailType,
          Detail: typeof entry.Detail === 'string' ? entry.Detail : JSON.stringify(entry.Detail ?? {}),
          ...(entry.EventBusName === undefined ? {} : { EventBusName: entry.EventBusName }),
          ...(entry.Resources === undefined ? {} : { Resources: entry.Resources }),
        })),
      );
      if (result.FailedEntryCount > 0) {
        const failed = result.Entries.filter((entry) => entry.ErrorCode !== undefined);
        throw new TaskFailureError(
          'EventBridge.FailedEntry',
          failed.map((entry) => `${entry.ErrorCode}: ${entry.ErrorMessage ?? ''}`).join('; '),
        );
      }
    },
  };
}

/** `sqs:sendMessage` tasks on the local queues (the queue named by its URL). */
export function cloudQueueSink(context: LocalCloudContext): LocalQueueSink {
  return {
    sendMessage: ({ queueUrl, messageBody }) =>
      context.queues().sendMessage({ queue: queueUrl, body: messageBody }),
  };
}
