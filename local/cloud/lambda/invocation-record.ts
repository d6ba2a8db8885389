import type { QueueMessageAttribute } from '../local-cloud-ports.js';
import type { LocalFunction } from '../local-deployment.js';

/** Why an asynchronous event left the queue. */
export type InvocationCondition = 'Success' | 'RetriesExhausted' | 'EventAgeExceeded';

/** The last attempt's response, when the function ran at all. */
export interface LastResponse {
  readonly statusCode: number;
  readonly functionError: 'Unhandled' | undefined;
  readonly payload: string;
}

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/**
 * The invocation record Lambda sends an asynchronous invocation's destination (AWS's shape: version,
 * timestamp, requestContext, requestPayload, responseContext, responsePayload).
 */
export function invocationRecord(record: {
  readonly fn: LocalFunction;
  readonly requestId: string;
  readonly condition: InvocationCondition;
  readonly attempts: number;
  readonly payload: string;
  readonly at: number;
  readonly response: LastResponse | undefined;
}): string {
  const { response } = record;
  return JSON.stringify({
    version: '1.0',
    timestamp: new Date(record.at).toISOString(),
    requestContext: {
      requestId: record.requestId,
      functionArn: `${record.fn.arn}:$LATEST`,
      condition: record.condition,
      approximateInvokeCount: record.attempts,
    },
    requestPayload: parsed(record.payload),
    ...(response === undefined
      ? {}
      : {
          responseContext: {
            statusCode: response.statusCode,
            executedVersion: '$LATEST',
            ...(response.functionError === undefined ? {} : { functionError: response.functionError }),
          },
          responsePayload: parsed(response.payload),
        }),
  });
}

/**
 * The message attributes Lambda adds to an event it moves to the function's dead-letter queue: the request
 * id, the status code and the first kilobyte of the error message.
 */
export function deadLetterAttributes(
  requestId: string,
  response: LastResponse | undefined,
  condition: InvocationCondition,
): Record<string, QueueMessageAttribute> {
  const error = response === undefined ? undefined : parsed(response.payload);
  const errorMessage =
    typeof error === 'object' && error !== null && 'errorMessage' in error
      ? String(error.errorMessage)
      : undefined;
  const message =
    response === undefined
      ? `The event was not processed before its maximum age (${condition})`
      : (errorMessage ?? response.payload);
  return {
    RequestID: { DataType: 'String', StringValue: requestId },
    ErrorCode: { DataType: 'Number', StringValue: String(response?.statusCode ?? 429) },
    ErrorMessage: { DataType: 'String', StringValue: message.slice(0, 1024) },
  };
}
