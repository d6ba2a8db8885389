import { LIFECYCLE_WAITS, type LifecycleWait } from '../../lambdas/contracts/order/lifecycle-waits.js';
import { formatMoney } from './format-money.js';
import type { TraceEvent } from './trace-event.js';

/** One printed line of an order's trace, before layout: when, which lane, what, how it went, details. */
export interface TraceLine {
  /** Milliseconds since the order was requested. */
  readonly offsetMs: number;
  readonly lane: string;
  readonly what: string;
  readonly result?: 'ok' | 'failed' | 'rejected';
  readonly detail?: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
const amount = (value: unknown): string => (typeof value === 'number' ? formatMoney(value) : text(value));

/** `PaymentDeclinedError: Payment … declined` without saying the error name twice. */
const describeFailure = (error: string | undefined, cause: string | undefined): string => {
  if (cause === undefined || cause === '') return error ?? 'unknown error';
  if (error === undefined || cause.startsWith(`${error}:`)) return cause;
  return `${error}: ${cause}`;
};

/** What the order waited for instead, from the lifecycle's own table; the agent's reason otherwise. */
const rejection = (state: string, reason: string): string => {
  const wait = (LIFECYCLE_WAITS as Readonly<Record<string, LifecycleWait | undefined>>)[state];
  return wait === undefined ? reason : `the order is ${state}, awaiting ${wait.awaiting.join(' or ')}`;
};

const published = (event: Extract<TraceEvent, { kind: 'published' }>, offsetMs: number): TraceLine => {
  const { data } = event;
  switch (event.detailType) {
    case 'OrderStateChanged':
      return {
        offsetMs,
        lane: 'state',
        what: `${text(data.from)} → ${text(data.to)}`,
        detail: `by ${text(data.trigger)}`,
      };
    case 'OrderCompleted':
      return {
        offsetMs,
        lane: 'event',
        what: 'OrderCompleted',
        detail: `charged ${amount(data.amount)}, payment ${text(data.paymentId)}`,
      };
    case 'OrderFailed': {
      const undone = Array.isArray(data.compensations) ? data.compensations.map(text) : [];
      return {
        offsetMs,
        lane: 'event',
        what: 'OrderFailed',
        detail: `at ${text(data.failedStep)}, ${text(data.error)}${undone.length === 0 ? ', nothing to undo' : `, undone: ${undone.join(', ')}`}`,
      };
    }
    default:
      return { offsetMs, lane: 'event', what: event.detailType };
  }
};

const lineOf = (event: TraceEvent, offsetMs: number): TraceLine | undefined => {
  switch (event.kind) {
    case 'requested':
      return { offsetMs, lane: 'order', what: 'OrderRequested' };
    case 'step': {
      // A wait that ended normally is implied by the trigger that ended it.
      if (event.role === 'wait' && event.status === 'ok') return undefined;
      const lane = { step: 'saga', compensation: 'undo', action: 'action', wait: 'wait' }[event.role];
      const retried =
        event.retries === 0 ? '' : ` (after ${event.retries} ${event.retries === 1 ? 'retry' : 'retries'})`;
      const detail =
        event.status === 'failed' ? describeFailure(event.error, event.cause) + retried : retried.trim();
      return {
        offsetMs,
        lane,
        what: event.state,
        result: event.status,
        ...(detail === '' ? {} : { detail }),
      };
    }
    case 'published':
      return published(event, offsetMs);
    case 'trigger':
      return {
        offsetMs,
        lane: 'trigger',
        what: event.trigger,
        ...(event.detail === undefined ? {} : { detail: event.detail }),
      };
    case 'rejected':
      return {
        offsetMs,
        lane: 'trigger',
        what: event.trigger,
        result: 'rejected',
        detail: rejection(event.state, event.reason),
      };
    case 'notification':
      return { offsetMs, lane: 'notify', what: `${event.channel} ${event.recipient}`, detail: event.text };
    case 'execution':
      if (event.status === 'SUCCEEDED') return undefined;
      return {
        offsetMs,
        lane: event.machine,
        what: `execution ${event.status}`,
        result: 'failed',
        detail: describeFailure(event.error, event.cause),
      };
  }
};

/**
 * An order's trace events (in the order `orderTrace` put them) as lines, timed from `requestedAt`.
 *
 * @example
 * ```ts
 * traceLines([{ kind: 'requested', at: 1000 }, { kind: 'trigger', at: 1004, trigger: 'PaymentCompleted' }], 1000);
 * // [{ offsetMs: 0, lane: 'order', what: 'OrderRequested' }, { offsetMs: 4, lane: 'trigger', what: 'PaymentCompleted' }]
 * ```
 */
export function traceLines(events: readonly TraceEvent[], requestedAt: number): TraceLine[] {
  return events
    .map((event) => lineOf(event, Math.max(0, event.at - requestedAt)))
    .filter((line): line is TraceLine => line !== undefined);
}
