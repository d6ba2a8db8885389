import { describe, expect, it } from 'vitest';
import { AGENT_METRICS } from '../../../../lambdas/contracts/agent-metrics.js';
import { fakeLambdaContext } from '../../../support/aws-loopback/fake-lambda-context.js';
import { emfMetricsOf, publishingMetrics } from '../../../support/emf-metrics.js';
import { cashierFunction, fixture } from './agent-function-fixture.js';

const context = () => fakeLambdaContext('cashier-fn', 30_000);
const metric = (name: string): string => `${AGENT_METRICS.namespace}/${name}`;

/** The cashier function with Powertools metrics published, and the EMF totals of one invocation. */
function measuredCashier(options: { stateless?: boolean } = {}) {
  const fn = cashierFunction({ ...options, metrics: publishingMetrics('cashier') });
  return {
    fn,
    measure: (input: unknown) =>
      emfMetricsOf(() => Promise.resolve(fn.handler(input, context())).catch(() => undefined)),
  };
}

describe('agentHandler custom metrics, read from the EMF it prints', () => {
  it('counts a delivery for each dispatched event, send and task', async () => {
    const { measure } = measuredCashier();
    for (const input of [fixture('eventbridge-envelope'), fixture('send'), fixture('task')]) {
      expect(await measure(input)).toMatchObject({ [metric(AGENT_METRICS.deliveries)]: 1 });
    }
  });

  it('counts a rejected input, and no delivery, for bad input recorded to the dead-letter sink', async () => {
    const { fn, measure } = measuredCashier();
    const totals = await measure(fixture('eventbridge-schema-violation'));
    expect(totals[metric(AGENT_METRICS.rejectedInputs)]).toBe(1);
    expect(totals[metric(AGENT_METRICS.deliveries)]).toBeUndefined();
    expect(fn.deadLetters.records()).toHaveLength(1);
  });

  it('counts a handler error for a send whose handler throws a business error', async () => {
    const { measure } = measuredCashier();
    const send = fixture('send') as { data: { amount: number } };
    send.data.amount = 5_000;
    expect(await measure(send)).toMatchObject({
      [metric(AGENT_METRICS.deliveries)]: 1,
      [metric(AGENT_METRICS.handlerErrors)]: 1,
    });
  });

  it('counts a duplicate, and no delivery, for a repeat answered from its idempotency record', async () => {
    const { fn, measure } = measuredCashier({ stateless: true });
    await measure(fixture('eventbridge-envelope'));
    const repeat = await measure(fixture('eventbridge-envelope'));
    expect(repeat[metric(AGENT_METRICS.duplicates)]).toBe(1);
    expect(repeat[metric(AGENT_METRICS.deliveries)]).toBeUndefined();
    expect(fn.calls).toHaveLength(1);
  });

  it('counts a duplicate for a repeat a stateful agent had already applied', async () => {
    const { fn, measure } = measuredCashier();
    await measure(fixture('send'));
    const repeat = await measure(fixture('send'));
    expect(repeat[metric(AGENT_METRICS.duplicates)]).toBe(1);
    expect(fn.calls).toHaveLength(1);
  });
});
