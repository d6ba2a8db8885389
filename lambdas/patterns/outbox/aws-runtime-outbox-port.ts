import type { AwsRuntime } from '../../runtime/aws/aws-runtime.js';
import { outboxEnvelope } from './outbox-envelope.js';
import type { OutboxPublishPort } from './outbox-publish-port.js';

/**
 * The outbox's publish port on the AWS runtime: each stored event becomes one EventBridge event through
 * {@link AwsRuntime.publishEnvelopes} (PutEvents with its retries; a `PublishFailedError` fails the record, and
 * the stream redelivers it).
 *
 * @example
 * ```ts
 * const publisher = new OutboxPublisher({ port: awsRuntimeOutboxPort(runtime), idempotency });
 * ```
 */
export function awsRuntimeOutboxPort(runtime: Pick<AwsRuntime, 'publishEnvelopes'>): OutboxPublishPort {
  return {
    publish: (eventType, data, metadata) =>
      runtime.publishEnvelopes([outboxEnvelope(eventType, data, metadata)]),
  };
}
