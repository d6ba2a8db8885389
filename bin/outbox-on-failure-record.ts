import * as z from 'zod';

/**
 * The part of a DynamoDB stream's on-failure record (the SQS message body Lambda writes when it gives a batch
 * up) the replay reads: which shard and sequence range, and when those records arrived. It names no stream id
 * and holds no event: only pointers.
 */
const OnFailureRecordSchema = z.object({
  DDBStreamBatchInfo: z.object({
    shardId: z.string(),
    startSequenceNumber: z.string(),
    endSequenceNumber: z.string(),
    approximateArrivalOfFirstRecord: z.iso.datetime({ offset: true }),
    approximateArrivalOfLastRecord: z.iso.datetime({ offset: true }),
    batchSize: z.number().int().positive(),
    streamArn: z.string(),
  }),
});

export type OnFailureBatch = z.infer<typeof OnFailureRecordSchema>['DDBStreamBatchInfo'];

/** The file is not an on-failure record of a DynamoDB stream. */
export class OnFailureRecordError extends Error {
  override readonly name = 'OnFailureRecordError';
}

/**
 * Reads an on-failure record: the SQS message body itself, or an SQS message (`{ "Body": "<the body>" }`, as
 * `aws sqs receive-message` prints each of its `Messages`).
 *
 * @throws OnFailureRecordError naming what is missing.
 * @example
 * ```ts
 * parseOnFailureRecord(readFileSync('record.json', 'utf8')).approximateArrivalOfFirstRecord;
 * ```
 */
export function parseOnFailureRecord(text: string): OnFailureBatch {
  let json: unknown;
  try {
    json = JSON.parse(text);
    const body = (json as { Body?: unknown } | null)?.Body;
    if (typeof body === 'string') json = JSON.parse(body);
  } catch (error) {
    throw new OnFailureRecordError(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = OnFailureRecordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OnFailureRecordError(
      `not an on-failure record of a DynamoDB stream (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`,
    );
  }
  return parsed.data.DDBStreamBatchInfo;
}
