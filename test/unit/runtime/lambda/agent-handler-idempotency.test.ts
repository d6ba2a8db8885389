import { describe, expect, it } from 'vitest';
import { fakeLambdaContext } from '../../../support/aws-loopback/fake-lambda-context.js';
import { cashierFunction, fixture } from './agent-function-fixture.js';

const context = () => fakeLambdaContext('cashier-fn', 30_000);

/** An enveloped event with the given EventBridge id, message id and amount. */
function event(eventId: string, messageId: string, amount: number): Record<string, unknown> {
  const base = fixture('eventbridge-envelope') as {
    detail: { metadata: Record<string, unknown>; data: Record<string, unknown> };
  };
  base.detail.metadata.id = messageId;
  base.detail.data.amount = amount;
  return { ...base, id: eventId };
}

const variants = [
  ['a stateful agent (its state item is the dedup record)', {}],
  ['a stateless agent (Powertools idempotency)', { stateless: true }],
] as const;

describe.each(variants)('agentHandler idempotency key of %s', (_name, options) => {
  it('runs an event once per message id, even when EventBridge gives a resent copy a new event id', async () => {
    const fn = cashierFunction(options);
    const first = await fn.handler(event('eb-1', 'msg-1', 10), context());
    const resent = await fn.handler(event('eb-2', 'msg-1', 10), context());
    expect(resent).toEqual(first);
    expect(fn.calls).toHaveLength(1);
  });

  it('keys on the id alone: a different payload under a seen message id is not run again', async () => {
    const fn = cashierFunction(options);
    await fn.handler(event('eb-1', 'msg-1', 10), context());
    await fn.handler(event('eb-1', 'msg-1', 99), context());
    expect(fn.calls.map((call) => call.data)).toEqual([{ orderId: 'order-42', amount: 10 }]);
  });

  it('runs identical payloads under different message ids each time', async () => {
    const fn = cashierFunction(options);
    await fn.handler(event('eb-1', 'msg-1', 10), context());
    await fn.handler(event('eb-2', 'msg-2', 10), context());
    expect(fn.calls).toHaveLength(2);
  });

  it('keys a bare detail from an outside service on its EventBridge event id', async () => {
    const fn = cashierFunction(options);
    const bare = fixture('eventbridge-bare');
    await fn.handler(bare, context());
    await fn.handler({ ...bare, detail: { orderId: 'order-42', amount: 7 } }, context());
    await fn.handler({ ...bare, id: 'another-event-id' }, context());
    expect(fn.calls.map((call) => call.messageId)).toEqual([bare.id, 'another-event-id']);
  });

  it('keys a send on its metadata.id and a task on its id', async () => {
    const fn = cashierFunction(options);
    const send = fixture('send');
    await expect(fn.handler(send, context())).resolves.toEqual({ ok: true, result: { receipt: 'total 25' } });
    await expect(fn.handler(structuredClone(send), context())).resolves.toEqual({
      ok: true,
      result: { receipt: 'total 25' },
    });
    const task = fixture('task');
    await expect(fn.handler(task, context())).resolves.toEqual({ receipt: 'total 50' });
    await expect(fn.handler({ ...task, data: { amount: 1 } }, context())).resolves.toEqual({
      receipt: 'total 50',
    });
    expect(fn.calls.map((call) => call.handler)).toEqual(['charge', 'charge']);
  });
});
