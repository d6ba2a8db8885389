import { AgentbridgeError } from '../../../lambdas/contracts/agentbridge-error.js';

/** One HTTP request as the local cloud's endpoint received it, before any service has read it. */
export interface AwsRequest {
  readonly method: string;
  /** The path without the query string, e.g. `/2015-03-31/functions/my-fn/invocations` or `/`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** `X-Amz-Target` (JSON protocols), e.g. `AWSEvents.PutEvents`; undefined for REST and query protocols. */
  readonly target: string | undefined;
  /** The service of the SigV4 credential scope (`Credential=<key>/<date>/<region>/<service>/aws4_request`). */
  readonly signingService: string | undefined;
}

export interface AwsResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * One AWS API the endpoint serves. The endpoint picks the service whose `targetPrefixes` starts the request's
 * `X-Amz-Target`, else the one whose `signingNames` holds the credential scope's service.
 */
export interface LocalAwsService {
  /** SigV4 signing names, e.g. `events`, `states`, `sqs`, `lambda`, `dynamodb`. */
  readonly signingNames: readonly string[];
  /** `X-Amz-Target` prefixes including the dot, e.g. `AWSEvents.`; empty for REST services (Lambda). */
  readonly targetPrefixes: readonly string[];
  handle(request: AwsRequest): Promise<AwsResponse>;
}

/**
 * An error a local service answers with, as AWS would: `awsCode` becomes the JSON protocol's `__type` (and the
 * SDK's exception name), `status` the HTTP status. Services throw it from their operations; everything else
 * reaching the endpoint is answered as `InternalFailure` (500) and logged.
 */
export class AwsServiceError extends AgentbridgeError {
  override readonly name = 'AwsServiceError';
  readonly awsCode: string;
  readonly status: number;

  constructor(
    awsCode: string,
    message: string,
    options: { readonly status?: number; readonly transient?: boolean; readonly cause?: unknown } = {},
  ) {
    super('LOCAL_AWS_SERVICE_ERROR', message, options);
    this.awsCode = awsCode;
    this.status = options.status ?? 400;
  }
}

/** An operation of a JSON-protocol service: the parsed request body in, the response body out. */
export type JsonOperation = (input: Record<string, unknown>, request: AwsRequest) => Promise<unknown>;

export interface JsonProtocolServiceOptions {
  readonly signingNames: readonly string[];
  /** e.g. `AWSEvents.` for EventBridge, `AWSStepFunctions.`, `AmazonSQS.`. */
  readonly targetPrefix: string;
  /** `application/x-amz-json-1.1` (EventBridge, Step Functions) or `application/x-amz-json-1.0` (SQS, DynamoDB). */
  readonly contentType: 'application/x-amz-json-1.0' | 'application/x-amz-json-1.1';
  /** By operation name, the part of `X-Amz-Target` after the prefix (`PutEvents`). */
  readonly operations: Readonly<Record<string, JsonOperation>>;
}

const jsonResponse = (
  status: number,
  contentType: string,
  body: unknown,
  headers: Record<string, string> = {},
) => ({
  status,
  headers: { 'content-type': contentType, ...headers },
  body: JSON.stringify(body ?? {}),
});

/** The JSON error body and headers the SDK v3 and the AWS CLI both parse into the named exception. */
export function awsJsonError(contentType: string, error: AwsServiceError): AwsResponse {
  return jsonResponse(
    error.status,
    contentType,
    { __type: error.awsCode, message: error.message },
    { 'x-amzn-errortype': error.awsCode },
  );
}

/**
 * A service speaking the AWS JSON protocol: dispatches on `X-Amz-Target`, parses the body, answers the
 * operation's result as JSON and an `AwsServiceError` as the error AWS would send. An unknown operation is
 * `UnknownOperationException`, a body that is not a JSON object `SerializationException`.
 *
 * @example
 * ```ts
 * const events = jsonProtocolService({
 *   signingNames: ['events'], targetPrefix: 'AWSEvents.', contentType: 'application/x-amz-json-1.1',
 *   operations: { PutEvents: async (input) => bus.putEvents(input) },
 * });
 * ```
 */
export function jsonProtocolService(options: JsonProtocolServiceOptions): LocalAwsService {
  const { contentType } = options;
  return {
    signingNames: options.signingNames,
    targetPrefixes: [options.targetPrefix],
    async handle(request) {
      const name = request.target?.startsWith(options.targetPrefix)
        ? request.target.slice(options.targetPrefix.length)
        : undefined;
      const operation = name === undefined ? undefined : options.operations[name];
      if (operation === undefined) {
        return awsJsonError(
          contentType,
          new AwsServiceError(
            'UnknownOperationException',
            `The local cloud does not serve ${request.target ?? request.path}`,
          ),
        );
      }
      let input: unknown;
      try {
        input = request.body === '' ? {} : JSON.parse(request.body);
      } catch (cause) {
        return awsJsonError(
          contentType,
          new AwsServiceError('SerializationException', 'The body is not JSON', { cause }),
        );
      }
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        return awsJsonError(
          contentType,
          new AwsServiceError('SerializationException', 'The body is not a JSON object'),
        );
      }
      try {
        return jsonResponse(200, contentType, await operation(input as Record<string, unknown>, request));
      } catch (error) {
        if (error instanceof AwsServiceError) return awsJsonError(contentType, error);
        throw error;
      }
    },
  };
}
