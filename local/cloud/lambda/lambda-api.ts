import {
  type AwsRequest,
  type AwsResponse,
  AwsServiceError,
  awsJsonError,
  type LocalAwsService,
} from '../endpoint/aws-service.js';
import type { LocalFunction } from '../local-deployment.js';
import type { AsyncInvocations } from './async-invocations.js';
import type { FunctionHost } from './function-host.js';

const JSON_TYPE = 'application/json';
/** Lambda's payload limits: 6 MB for a synchronous invocation, 1 MB for an asynchronous one. */
const SYNC_LIMIT = 6 * 1024 * 1024;
const ASYNC_LIMIT = 1024 * 1024;

const json = (status: number, body: unknown, headers: Record<string, string> = {}): AwsResponse => ({
  status,
  headers: { 'content-type': JSON_TYPE, ...headers },
  body: JSON.stringify(body),
});

/** `FunctionConfiguration` as GetFunction and ListFunctions return it. */
const configuration = (fn: LocalFunction) => ({
  FunctionName: fn.name,
  FunctionArn: fn.arn,
  Runtime: fn.runtime,
  Role: fn.roleArn,
  Handler: fn.handler,
  Timeout: fn.timeoutSeconds,
  MemorySize: fn.memoryMb,
  Version: '$LATEST',
  Environment: { Variables: fn.environment },
  Architectures: [fn.architecture],
  PackageType: 'Zip',
  State: 'Active',
  LastUpdateStatus: 'Successful',
  ...(fn.deadLetterTarget === undefined ? {} : { DeadLetterConfig: { TargetArn: fn.deadLetterTarget.arn } }),
});

const validPayload = (body: string, limit: number): string => {
  const payload = body === '' ? '{}' : body;
  if (Buffer.byteLength(payload) > limit) {
    throw new AwsServiceError(
      'RequestTooLargeException',
      `Request must be smaller than ${limit} bytes for the Invoke operation`,
      { status: 413 },
    );
  }
  try {
    JSON.parse(payload);
  } catch (cause) {
    throw new AwsServiceError(
      'InvalidRequestContentException',
      `Could not parse request body into json: ${String(cause)}`,
      { cause },
    );
  }
  return payload;
};

const FUNCTION = /^\/2015-03-31\/functions\/([^/]+)(\/invocations|\/configuration)?\/?$/;
const LIST = /^\/2015-03-31\/functions\/?$/;

/**
 * Lambda's REST API as the SDK's `LambdaClient` and the AWS CLI speak it: Invoke (`X-Amz-Invocation-Type`
 * RequestResponse, Event → 202, DryRun → 204), GetFunction, GetFunctionConfiguration and ListFunctions.
 */
export function lambdaApiService(host: FunctionHost, queue: AsyncInvocations): LocalAwsService {
  const invoke = async (reference: string, request: AwsRequest): Promise<AwsResponse> => {
    const type = request.headers['x-amz-invocation-type'] ?? 'RequestResponse';
    if (type === 'DryRun') {
      host.find(reference);
      return { status: 204, headers: {}, body: '' };
    }
    if (type === 'Event') {
      const requestId = queue.accept(reference, validPayload(request.body, ASYNC_LIMIT));
      return { status: 202, headers: { 'x-amzn-requestid': requestId }, body: '' };
    }
    if (type !== 'RequestResponse') {
      throw new AwsServiceError('InvalidParameterValueException', `Unsupported invocation type: ${type}`);
    }
    const result = await host.invoke(reference, validPayload(request.body, SYNC_LIMIT));
    return {
      status: 200,
      headers: {
        'content-type': JSON_TYPE,
        'x-amz-executed-version': '$LATEST',
        'x-amzn-requestid': result.requestId,
        ...(result.functionError === undefined ? {} : { 'x-amz-function-error': result.functionError }),
      },
      body: result.payload,
    };
  };

  const route = async (request: AwsRequest): Promise<AwsResponse> => {
    if (request.method === 'GET' && LIST.test(request.path)) {
      return json(200, { Functions: host.functions.map(configuration) });
    }
    const match = FUNCTION.exec(request.path);
    if (match !== null) {
      const qualifier = request.query.get('Qualifier');
      const reference = `${decodeURIComponent(match[1] ?? '')}${qualifier === null ? '' : `:${qualifier}`}`;
      if (request.method === 'POST' && match[2] === '/invocations') return invoke(reference, request);
      if (request.method === 'GET' && match[2] === '/configuration')
        return json(200, configuration(host.find(reference)));
      if (request.method === 'GET' && match[2] === undefined) {
        const fn = host.find(reference);
        return json(200, {
          Configuration: configuration(fn),
          Code: { RepositoryType: 'S3', Location: fn.code.kind === 'inline' ? '' : `file://${fn.code.dir}` },
          ...(fn.reservedConcurrency === undefined
            ? {}
            : { Concurrency: { ReservedConcurrentExecutions: fn.reservedConcurrency } }),
        });
      }
    }
    throw new AwsServiceError(
      'UnknownOperationException',
      `The local cloud does not serve ${request.method} ${request.path}`,
      { status: 404 },
    );
  };

  return {
    signingNames: ['lambda'],
    targetPrefixes: [],
    async handle(request) {
      try {
        return await route(request);
      } catch (error) {
        if (error instanceof AwsServiceError) return awsJsonError(JSON_TYPE, error);
        throw error;
      }
    },
  };
}
