import { AwsServiceError } from '../endpoint/aws-service.js';

/**
 * SQS's query-protocol codes by JSON error name: SQS speaks JSON with `awsQueryCompatible`, so next to
 * `__type` it sends `x-amzn-query-error: <code>;Sender`, which the SDK reads into `error.Code` (what code
 * written for the query protocol compares against, e.g. `AWS.SimpleQueueService.NonExistentQueue`).
 */
const QUERY_CODES: Readonly<Record<string, string>> = {
  QueueDoesNotExist: 'AWS.SimpleQueueService.NonExistentQueue',
  BatchEntryIdsNotDistinct: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
  BatchRequestTooLong: 'AWS.SimpleQueueService.BatchRequestTooLong',
  EmptyBatchRequest: 'AWS.SimpleQueueService.EmptyBatchRequest',
  InvalidBatchEntryId: 'AWS.SimpleQueueService.InvalidBatchEntryId',
  MessageNotInflight: 'AWS.SimpleQueueService.MessageNotInflight',
  PurgeQueueInProgress: 'AWS.SimpleQueueService.PurgeQueueInProgress',
  TooManyEntriesInBatchRequest: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
  UnsupportedOperation: 'AWS.SimpleQueueService.UnsupportedOperation',
};

/** The `x-amzn-query-error` value for an SQS error name. */
export const queryErrorHeader = (awsCode: string): string => `${QUERY_CODES[awsCode] ?? awsCode};Sender`;

/** `QueueDoesNotExist` (400), as SQS answers for a URL, ARN or name it has no queue for. */
export const queueDoesNotExist = (queue: string): AwsServiceError =>
  new AwsServiceError('QueueDoesNotExist', `The specified queue does not exist: ${queue}`);

/** `InvalidParameterValue` (400): a parameter SQS refuses. */
export const invalidParameter = (reason: string): AwsServiceError =>
  new AwsServiceError('InvalidParameterValue', `Value for parameter is invalid. Reason: ${reason}`);

/** `MissingParameter` (400): a required parameter left out. */
export const missingParameter = (name: string): AwsServiceError =>
  new AwsServiceError('MissingParameter', `The request must contain the parameter ${name}.`);

/** `ReceiptHandleIsInvalid` (404): a handle this queue never issued. */
export const receiptHandleIsInvalid = (handle: string): AwsServiceError =>
  new AwsServiceError(
    'ReceiptHandleIsInvalid',
    `The input receipt handle "${handle}" is not a valid receipt handle.`,
    {
      status: 404,
    },
  );

/** `MessageNotInflight` (400): a visibility change for a message nobody holds. */
export const messageNotInflight = (): AwsServiceError =>
  new AwsServiceError('MessageNotInflight', 'The message referred to is not in flight.');
