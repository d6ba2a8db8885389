import {
  type AwsRequest,
  type AwsResponse,
  AwsServiceError,
  type LocalAwsService,
} from '../endpoint/aws-service.js';

/** The request headers DynamoDB Local reads; the rest (host, length, connection) belong to the hop. */
const FORWARDED_REQUEST_HEADERS = [
  'content-type',
  'x-amz-target',
  'authorization',
  'x-amz-date',
  'x-amz-security-token',
];
/** The response headers the SDK and the CLI read: botocore checks the body against `x-amz-crc32`. */
const RELAYED_RESPONSE_HEADERS = ['content-type', 'x-amz-crc32', 'x-amzn-requestid'];

/**
 * DynamoDB and DynamoDB Streams served by forwarding each request to DynamoDB Local and relaying its answer
 * byte for byte. The signature is forwarded as it came: DynamoDB Local does not check it, and with
 * `-sharedDb` every access key and region sees the same tables. DynamoDB Local not answering is
 * `ServiceUnavailable` (503), which the SDK retries.
 */
export function dynamoDbForwarder(dynamoDbEndpoint: string): LocalAwsService {
  return {
    signingNames: ['dynamodb'],
    targetPrefixes: ['DynamoDB_20120810.', 'DynamoDBStreams_20120810.'],
    async handle(request: AwsRequest): Promise<AwsResponse> {
      const headers: Record<string, string> = { 'accept-encoding': 'identity' };
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = request.headers[name];
        if (value !== undefined) headers[name] = value;
      }
      let response: Response;
      try {
        response = await fetch(new URL(request.path, dynamoDbEndpoint), {
          method: request.method,
          headers,
          ...(request.method === 'GET' || request.method === 'HEAD' ? {} : { body: request.body }),
        });
      } catch (cause) {
        throw new AwsServiceError(
          'ServiceUnavailable',
          `DynamoDB Local at ${dynamoDbEndpoint} did not answer: ${String(cause)}`,
          { status: 503, transient: true, cause },
        );
      }
      const relayed: Record<string, string> = {};
      for (const name of RELAYED_RESPONSE_HEADERS) {
        const value = response.headers.get(name);
        if (value !== null) relayed[name] = value;
      }
      const body = await response.text();
      return { status: response.status, headers: relayed, body };
    },
  };
}
