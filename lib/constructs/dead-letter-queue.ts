import { Duration, Tags, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { DEAD_LETTERS_OF_TAG } from '../../lambdas/contracts/dead-letter-record.js';

/**
 * An SQS queue that receives what could not be delivered or processed: a rule's undeliverable events, a
 * function's failed asynchronous invocations, a stream consumer's failed batches. Encrypted (SSE-SQS, which
 * EventBridge and Lambda can write to without a key policy), TLS-only, and kept for the SQS maximum of 14
 * days so an operator has time to inspect and redrive.
 *
 * A queue a function writes to itself (an event bus's failed deliveries, the unrouted events) says whose dead
 * letters it holds in `deadLettersOf`, tagged {@link DEAD_LETTERS_OF_TAG}, so `agentbridge dlq` lists it too.
 *
 * @example
 * ```ts
 * const dlq = new DeadLetterQueue(this, 'PaymentDlq');
 * const paging = new DeadLetterQueue(this, 'PagingDlq', { deadLettersOf: 'paging deliveries' });
 * ```
 */
export class DeadLetterQueue extends Queue {
  constructor(scope: Construct, id: string, options: { readonly deadLettersOf?: string } = {}) {
    super(scope, id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    if (options.deadLettersOf !== undefined) Tags.of(this).add(DEAD_LETTERS_OF_TAG, options.deadLettersOf);
    Validations.of(this).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue; messages in it are inspected and redriven by an operator, ' +
        'and its depth is alarmed on (> 0).',
    });
  }
}
