import { LIFECYCLE_TRIGGERS } from '../../lambdas/contracts/order/lifecycle-messages.js';
import type { TraceEvent } from './trace-event.js';

/** An event as the bus carried it: its detail-type, when it was put there, and its payload. */
export interface BusEvent {
  readonly type: string;
  readonly at: Date;
  readonly data: unknown;
}

const TRIGGERS: ReadonlySet<string> = new Set(LIFECYCLE_TRIGGERS);

const fields = (data: unknown): Readonly<Record<string, unknown>> =>
  typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};

const text = (value: unknown): string => (typeof value === 'string' ? value : String(value));

/** What a trigger carries that a reader wants to see. */
const triggerDetail = (type: string, data: Readonly<Record<string, unknown>>): string | undefined => {
  if (type === 'ShippingConfirmed' && data.trackingNumber !== undefined)
    return `tracking ${text(data.trackingNumber)}`;
  if (type === 'OrderCancelled' && data.reason !== undefined) return `“${text(data.reason)}”`;
  if (type === 'PaymentCompleted' && data.paymentId !== undefined) return `payment ${text(data.paymentId)}`;
  return undefined;
};

/**
 * A bus event of an order as a trace event: OrderRequested, a lifecycle trigger, a rejection, or an event a
 * state machine published (outcomes, state changes).
 *
 * @example
 * ```ts
 * busTraceEvent({ type: 'ShippingConfirmed', at: new Date(), data: { orderId: 'o-1', trackingNumber: 'TRK-1' } });
 * // { kind: 'trigger', trigger: 'ShippingConfirmed', detail: 'tracking TRK-1', at: … }
 * ```
 */
export function busTraceEvent(event: BusEvent): TraceEvent {
  const at = event.at.getTime();
  const data = fields(event.data);
  if (event.type === 'OrderRequested') return { kind: 'requested', at };
  if (TRIGGERS.has(event.type)) {
    const detail = triggerDetail(event.type, data);
    return { kind: 'trigger', at, trigger: event.type, ...(detail === undefined ? {} : { detail }) };
  }
  if (event.type === 'OrderTransitionRejected') {
    return {
      kind: 'rejected',
      at,
      trigger: text(data.trigger),
      state: text(data.state),
      reason: text(data.reason),
    };
  }
  return { kind: 'published', at, detailType: event.type, data };
}
