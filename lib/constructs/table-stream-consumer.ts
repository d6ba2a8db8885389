import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface TableStreamConsumerProps {
  readonly table: ITable;
  readonly consumer: IFunction;
  /** Records whose processing keeps failing end here (as stream pointers) after the retries. */
  readonly deadLetterQueue: IQueue;
  /** Lambda event filter: records that do not match never cost an invocation. */
  readonly filterPattern?: Readonly<Record<string, unknown>>;
  readonly batchSize?: number;
  readonly retryAttempts?: number;
}

/**
 * Feeds a table's DynamoDB stream to a function, the way the transactional outbox needs it: from the
 * oldest record (nothing written before the mapping existed is skipped), partial batch responses (a
 * record that failed is retried without republishing the ones before it), bisection of a failing batch
 * (a poison record is isolated instead of blocking its shard), bounded retries, and an SQS on-failure
 * destination, so the shard moves on and nothing is dropped unseen.
 *
 * @example
 * ```ts
 * new TableStreamConsumer(this, 'Outbox', { table: events, consumer: publisher.function, deadLetterQueue: dlq,
 *   filterPattern: EVENT_STORE_STREAM_FILTER_PATTERN });
 * ```
 */
export class TableStreamConsumer extends Construct {
  readonly eventSource: DynamoEventSource;

  constructor(scope: Construct, id: string, props: TableStreamConsumerProps) {
    super(scope, id);
    this.eventSource = new DynamoEventSource(props.table, {
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: props.batchSize ?? 100,
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      retryAttempts: props.retryAttempts ?? 10,
      // Stream records live 24 hours; retrying longer than that is impossible anyway.
      maxRecordAge: Duration.hours(24),
      onFailure: new SqsDlq(props.deadLetterQueue),
      ...(props.filterPattern ? { filters: [FilterCriteria.filter({ ...props.filterPattern })] } : {}),
    });
    props.consumer.addEventSource(this.eventSource);
  }
}
