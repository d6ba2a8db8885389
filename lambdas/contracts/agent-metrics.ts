/**
 * CloudWatch metrics every agent function emits (Powertools Metrics, EMF), named once for the handler adapter
 * and for the alarms and dashboard in `lib/`.
 */
export const AGENT_METRICS = {
  namespace: 'agentbridge',
  /** One per input dispatched to the hosted agents (count). */
  deliveries: 'Deliveries',
  /** One per input rejected as bad and recorded to the dead-letter queue (count). */
  rejectedInputs: 'RejectedInputs',
  /** One per send whose handler threw a non-transient error, answered as `{ ok: false }` (count). */
  handlerErrors: 'HandlerErrors',
  /** One per repeated input answered from its idempotency record without running the handler (count). */
  duplicates: 'DuplicateDeliveries',
  /** Outbox publisher: stream records received per batch (count). */
  outboxRecords: 'OutboxRecords',
  /** Outbox publisher: records reported as batch item failures, to be redelivered by the stream (count). */
  outboxFailedRecords: 'OutboxFailedRecords',
} as const;
