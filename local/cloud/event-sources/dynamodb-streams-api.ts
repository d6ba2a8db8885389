import { AgentbridgeError } from '../../../lambdas/contracts/agentbridge-error.js';

/** A DynamoDB Streams (or DynamoDB) call DynamoDB Local refused or could not answer. */
export class StreamsApiError extends AgentbridgeError {
  override readonly name = 'StreamsApiError';

  constructor(
    readonly operation: string,
    readonly awsCode: string,
    message: string,
    options: { readonly cause?: unknown } = {},
  ) {
    super('STREAMS_API_ERROR', `${operation}: ${awsCode}: ${message}`, { ...options, transient: true });
  }
}

export interface StreamShard {
  readonly ShardId: string;
  readonly ParentShardId?: string;
  readonly SequenceNumberRange?: {
    readonly StartingSequenceNumber?: string;
    readonly EndingSequenceNumber?: string;
  };
}

/** One record of GetRecords, in the JSON shape Lambda hands on (plus `eventSourceARN`). */
export interface StreamRecord {
  readonly eventID: string;
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly dynamodb: {
    readonly SequenceNumber: string;
    readonly ApproximateCreationDateTime?: number;
  } & Record<string, unknown>;
  readonly [field: string]: unknown;
}

// DynamoDB Local wants a credential scope but checks no signature; with -sharedDb any key sees every table.
const AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0';

/**
 * DynamoDB Streams spoken over its JSON protocol (`DynamoDBStreams_20120810.*`) to DynamoDB Local, plus the
 * one DynamoDB call a mapping needs (DescribeTable, for the table's latest stream ARN).
 */
export class DynamoDbStreamsApi {
  constructor(readonly endpoint: string) {}

  async #call(target: string, input: object): Promise<Record<string, unknown>> {
    const operation = target.split('.')[1] ?? target;
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': target,
          authorization: AUTHORIZATION,
        },
        body: JSON.stringify(input),
      });
    } catch (cause) {
      throw new StreamsApiError(
        operation,
        'ServiceUnavailable',
        `DynamoDB Local at ${this.endpoint} did not answer`,
        { cause },
      );
    }
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      const type =
        String(body.__type ?? response.status)
          .split('#')
          .at(-1) ?? 'Unknown';
      throw new StreamsApiError(operation, type, String(body.message ?? body.Message ?? ''));
    }
    return body;
  }

  /** The ARN of the table's current stream, or undefined when it has none. */
  async latestStreamArn(tableName: string): Promise<string | undefined> {
    const body = await this.#call('DynamoDB_20120810.DescribeTable', { TableName: tableName });
    const arn = (body.Table as Record<string, unknown> | undefined)?.LatestStreamArn;
    return typeof arn === 'string' ? arn : undefined;
  }

  /** Every shard of the stream, all pages. */
  async shards(streamArn: string): Promise<StreamShard[]> {
    const shards: StreamShard[] = [];
    let start: string | undefined;
    do {
      const body = await this.#call('DynamoDBStreams_20120810.DescribeStream', {
        StreamArn: streamArn,
        ...(start === undefined ? {} : { ExclusiveStartShardId: start }),
      });
      const description = (body.StreamDescription ?? {}) as Record<string, unknown>;
      shards.push(...((description.Shards ?? []) as StreamShard[]));
      start =
        typeof description.LastEvaluatedShardId === 'string' ? description.LastEvaluatedShardId : undefined;
    } while (start !== undefined);
    return shards;
  }

  async shardIterator(
    streamArn: string,
    shardId: string,
    position:
      | { readonly type: 'TRIM_HORIZON' | 'LATEST' }
      | { readonly type: 'AFTER_SEQUENCE_NUMBER'; readonly sequenceNumber: string },
  ): Promise<string | undefined> {
    const body = await this.#call('DynamoDBStreams_20120810.GetShardIterator', {
      StreamArn: streamArn,
      ShardId: shardId,
      ShardIteratorType: position.type,
      ...(position.type === 'AFTER_SEQUENCE_NUMBER' ? { SequenceNumber: position.sequenceNumber } : {}),
    });
    return typeof body.ShardIterator === 'string' ? body.ShardIterator : undefined;
  }

  /** The next records and iterator; no iterator once a closed shard is read to its end. */
  async records(
    iterator: string,
  ): Promise<{ readonly records: StreamRecord[]; readonly next: string | undefined }> {
    const body = await this.#call('DynamoDBStreams_20120810.GetRecords', {
      ShardIterator: iterator,
      Limit: 1000,
    });
    return {
      records: (body.Records ?? []) as StreamRecord[],
      next: typeof body.NextShardIterator === 'string' ? body.NextShardIterator : undefined,
    };
  }
}
