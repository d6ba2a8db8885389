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
} as const;
