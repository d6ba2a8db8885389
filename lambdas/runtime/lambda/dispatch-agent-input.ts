import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { AGENT_METRICS } from '../../contracts/agent-metrics.js';
import type { AwsRuntime } from '../aws/aws-runtime.js';
import { type SendResponse, toWireError } from '../aws/send-response.js';
import type { ClassifiedInput } from './classified-input.js';
import { isTransientError } from './is-transient-error.js';

/** What an EventBridge invocation returns once dispatched (stored by idempotency for repeats). */
export interface DeliveredEvent {
  readonly status: 'delivered';
  readonly delivered: readonly string[];
  readonly unhandled: readonly string[];
}

/**
 * The handler's signal: middy's, which aborts just before the invocation times out (one shared controller, no
 * allocation per event), joined with a timer only when a send's caller gives up earlier than that.
 */
function deliverySignal(
  invocation: AbortSignal,
  context: Context,
  deadline: number | undefined,
): AbortSignal {
  if (deadline === undefined) return invocation;
  const now = Date.now();
  const remaining =
    typeof context.getRemainingTimeInMillis === 'function'
      ? context.getRemainingTimeInMillis()
      : Number.POSITIVE_INFINITY;
  if (deadline >= now + remaining) return invocation;
  return AbortSignal.any([invocation, AbortSignal.timeout(Math.max(0, deadline - now))]);
}

/** A redelivery a stateful agent answered from its state item (Powertools counts its own in a hook). */
const countDuplicate = (metrics: Metrics, duplicate: boolean): void => {
  if (duplicate) metrics.addMetric(AGENT_METRICS.duplicates, MetricUnit.Count, 1);
};

/**
 * The function at the core of the middy stack: dispatches a classified input to the hosted agents and shapes
 * the answer per input kind. It never returns `undefined` (Powertools idempotency could not tell a stored
 * `undefined` from "no record" and would run a repeat again): an event answers {@link DeliveredEvent}, a send
 * `{ ok, result | error }`, a task the handler's result or `null`.
 *
 * - event: every handler error is thrown, so EventBridge's async invoke retries and then dead-letters it;
 * - send: transient errors are thrown (Lambda reports a `FunctionError`), other errors answered `{ ok: false }`;
 * - task: every error is thrown, so Step Functions' Retry/Catch match it by name.
 */
export function dispatchAgentInput(
  runtime: AwsRuntime,
  metrics: Metrics,
): (input: ClassifiedInput, context: Context, invocation: AbortSignal) => Promise<unknown> {
  return async ({ parsed }, context, invocation) => {
    metrics.addMetric(AGENT_METRICS.deliveries, MetricUnit.Count, 1);
    if (parsed.kind === 'eventbridge') {
      const outcome = await runtime.dispatch({ ...parsed.delivery, signal: invocation });
      countDuplicate(metrics, (outcome.duplicates?.length ?? 0) > 0);
      const response: DeliveredEvent = {
        status: 'delivered',
        delivered: outcome.delivered,
        unhandled: outcome.unhandled,
      };
      return response;
    }
    if (parsed.kind === 'task') {
      const outcome = await runtime.dispatch({ ...parsed.delivery, signal: invocation });
      countDuplicate(metrics, outcome.duplicate === true);
      return outcome.result ?? null;
    }
    try {
      const signal = deliverySignal(invocation, context, parsed.deadline);
      const outcome = await runtime.dispatch({ ...parsed.delivery, signal });
      countDuplicate(metrics, outcome.duplicate === true);
      const response: SendResponse = { ok: true, result: outcome.result };
      return response;
    } catch (error) {
      if (isTransientError(error)) throw error;
      metrics.addMetric(AGENT_METRICS.handlerErrors, MetricUnit.Count, 1);
      const response: SendResponse = { ok: false, error: toWireError(error) };
      return response;
    }
  };
}
