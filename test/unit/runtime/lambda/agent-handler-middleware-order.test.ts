import { afterEach, describe, expect, it, vi } from 'vitest';
import { AGENT_METRICS } from '../../../../lambdas/contracts/agent-metrics.js';
import { fakeLambdaContext } from '../../../support/aws-loopback/fake-lambda-context.js';
import { Charge, cashierFunction, fixture, OrderPlaced } from './agent-function-fixture.js';

/**
 * Spies on each observable step of the middy stack; `steps()` lists them in the order they ran, from the
 * spies' global invocation order.
 */
function traced(options: { readonly stateless?: boolean } = { stateless: true }) {
  const fn = cashierFunction(options);
  const spies: Array<{ label: string; order: () => number[] }> = [];
  const step = <T extends object>(target: T, method: keyof T & string, label: string): void => {
    const spy = vi.spyOn(target, method as never) as unknown as { mock: { invocationCallOrder: number[] } };
    spies.push({ label, order: () => spy.mock.invocationCallOrder });
  };
  step(fn.logger, 'addContext', 'logger:before');
  step(fn.tracer, 'isTracingEnabled', 'tracer');
  step(OrderPlaced, 'parse', 'parse');
  step(Charge, 'parse', 'parse');
  step(fn.idempotency, 'saveInProgress', 'idempotency:before');
  step(fn.runtime, 'dispatch', 'dispatch');
  step(fn.idempotency, 'saveSuccess', 'idempotency:after');
  step(fn.metrics, 'publishStoredMetrics', 'metrics:after');
  step(fn.logger, 'resetKeys', 'logger:after');
  let since = 0;
  const steps = (): string[] => {
    const ran = spies
      .flatMap(({ label, order }) => order().map((position) => ({ label, position })))
      .filter(({ position }) => position > since)
      .sort((a, b) => a.position - b.position);
    since = ran.at(-1)?.position ?? since;
    return ran.map(({ label }) => label);
  };
  return { ...fn, steps };
}

describe('agentHandler middleware order', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs logger → tracer → metrics → parse → idempotency → dispatch for a stateless agent, and unwinds in reverse', async () => {
    const fn = traced();
    const response = await fn.handler(
      fixture('eventbridge-envelope'),
      fakeLambdaContext('cashier-fn', 30_000),
    );
    expect(response).toEqual({ status: 'delivered', delivered: ['cashier/order-42'], unhandled: [] });
    expect(fn.steps()).toEqual([
      'logger:before',
      'tracer',
      'parse',
      'idempotency:before',
      'dispatch',
      'idempotency:after',
      'metrics:after',
      'tracer',
      'logger:after',
    ]);
  });

  it('runs an event handler that returns nothing once, however often the event is delivered', async () => {
    const fn = traced();
    const event = fixture('eventbridge-envelope');
    const first = await fn.handler(event, fakeLambdaContext('cashier-fn', 30_000));
    fn.steps();
    const addMetric = vi.spyOn(fn.metrics, 'addMetric');
    const repeat = await fn.handler(structuredClone(event), fakeLambdaContext('cashier-fn', 30_000));
    expect(repeat).toEqual(first);
    expect(addMetric).toHaveBeenCalledWith(AGENT_METRICS.duplicates, 'Count', 1);
    expect(fn.calls.map((call) => call.handler)).toEqual(['order-placed']);
    // The repeat stops at idempotency, and Powertools still flushes metrics and resets the logger.
    expect(fn.steps()).toEqual([
      'logger:before',
      'tracer',
      'parse',
      'idempotency:before',
      'metrics:after',
      'logger:after',
    ]);
  });

  it('runs no Powertools idempotency for a stateful agent: the dispatch answers a repeat from the state item', async () => {
    const fn = traced({});
    const event = fixture('eventbridge-envelope');
    const first = await fn.handler(event, fakeLambdaContext('cashier-fn', 30_000));
    const addMetric = vi.spyOn(fn.metrics, 'addMetric');
    const repeat = await fn.handler(structuredClone(event), fakeLambdaContext('cashier-fn', 30_000));
    expect(repeat).toEqual(first);
    expect(addMetric).toHaveBeenCalledWith(AGENT_METRICS.duplicates, 'Count', 1);
    expect(fn.calls.map((call) => call.handler)).toEqual(['order-placed']);
    expect(fn.idempotency.size).toBe(0);
    const once = ['logger:before', 'tracer', 'parse', 'dispatch', 'metrics:after', 'tracer', 'logger:after'];
    expect(fn.steps()).toEqual([...once, ...once]);
  });

  it('answers a repeated send whose handler returned nothing from the idempotency record', async () => {
    const fn = traced();
    const send = { ...fixture('send'), data: { amount: 0 } };
    const first = await fn.handler(send, fakeLambdaContext('cashier-fn', 30_000));
    const repeat = await fn.handler(structuredClone(send), fakeLambdaContext('cashier-fn', 30_000));
    expect(first).toEqual({ ok: true });
    expect(repeat).toEqual(first);
    expect(fn.calls).toHaveLength(1);
  });
});
