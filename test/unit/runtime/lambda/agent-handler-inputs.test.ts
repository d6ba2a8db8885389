import { describe, expect, it, vi } from 'vitest';
import { DeadLetterRecordSchema } from '../../../../lambdas/contracts/dead-letter-record.js';
import { MessageValidationError } from '../../../../lambdas/contracts/message-validation-error.js';
import { TRANSIENT_TASK_ERROR } from '../../../../lambdas/contracts/transient-error.js';
import { DELIVERY_ATTEMPTS } from '../../../../lambdas/runtime/aws/apply-once.js';
import { StateVersionConflictError } from '../../../../lambdas/stores/agent-state/agent-state-error.js';
import type { AgentStateStore } from '../../../../lambdas/stores/agent-state/agent-state-store.js';
import { fakeLambdaContext } from '../../../support/aws-loopback/fake-lambda-context.js';
import { cashierFunction, fixture } from './agent-function-fixture.js';

const context = () => fakeLambdaContext('cashier-fn', 30_000);

/** Another writer wins each in-place attempt of the next delivery (then the store behaves again). */
const loseEveryRace = (store: AgentStateStore): void => {
  const put = vi.spyOn(store, 'put');
  for (let attempt = 0; attempt < DELIVERY_ATTEMPTS; attempt++) {
    put.mockRejectedValueOnce(new StateVersionConflictError('cashier/order-42', 0, 1));
  }
};

describe('agentHandler inputs', () => {
  it('dispatches an agentbridge EventBridge event to the agent its topic maps to, with the envelope ids', async () => {
    const fn = cashierFunction();
    await fn.handler(fixture('eventbridge-envelope'), context());
    expect(fn.calls).toEqual([
      {
        handler: 'order-placed',
        recipient: 'cashier/order-42',
        messageId: 'msg-0001',
        correlationId: 'corr-0001',
        sender: 'orders/order-42',
        topic: 'order.placed/order-42',
        data: { orderId: 'order-42', amount: 25 },
      },
    ]);
  });

  it('accepts a bare detail from an outside service: detail-type as topic, source "default", event id as message id', async () => {
    const fn = cashierFunction();
    const event = fixture('eventbridge-bare');
    await expect(fn.handler(event, context())).resolves.toEqual({
      status: 'delivered',
      delivered: ['cashier/default'],
      unhandled: [],
    });
    expect(fn.calls[0]).toMatchObject({
      recipient: 'cashier/default',
      messageId: event.id,
      correlationId: event.id,
      sender: undefined,
      topic: 'fixture.OrderPlaced/default',
    });
  });

  it('parses a detail that arrives as JSON text', async () => {
    const fn = cashierFunction();
    const event = fixture('eventbridge-envelope');
    await fn.handler({ ...event, detail: JSON.stringify(event.detail) }, context());
    expect(fn.calls).toHaveLength(1);
  });

  it('answers a send with { ok, result } and keeps the state between invocations', async () => {
    const fn = cashierFunction();
    await expect(fn.handler(fixture('send'), context())).resolves.toEqual({
      ok: true,
      result: { receipt: 'total 25' },
    });
    const again = fixture('send') as { metadata: Record<string, unknown> };
    again.metadata.id = 'send-0002';
    await expect(fn.handler(again, context())).resolves.toEqual({
      ok: true,
      result: { receipt: 'total 50' },
    });
    expect(fn.calls[0]).toMatchObject({
      recipient: 'cashier/order-42',
      sender: 'orders/order-42',
      topic: undefined,
    });
  });

  it("answers a send whose handler throws with the error's name, code and message", async () => {
    const fn = cashierFunction();
    const send = { ...fixture('send'), data: { amount: 5_000 } };
    await expect(fn.handler(send, context())).resolves.toEqual({
      ok: false,
      error: { name: 'LimitExceededError', code: 'LIMIT_EXCEEDED', message: 'amount 5000 over the limit' },
    });
  });

  it('rethrows a transient failure of a send (a lost state race) so Lambda reports a function error', async () => {
    const fn = cashierFunction();
    loseEveryRace(fn.stateStore);
    await expect(fn.handler(fixture('send'), context())).rejects.toMatchObject({
      name: 'DeliveryConflictError',
    });
  });

  it('rethrows a handler error on an event so EventBridge retries it', async () => {
    const fn = cashierFunction();
    vi.spyOn(fn.stateStore, 'get').mockRejectedValueOnce(new Error('DynamoDB unavailable'));
    await expect(fn.handler(fixture('eventbridge-envelope'), context())).rejects.toThrow(
      'DynamoDB unavailable',
    );
    expect(fn.deadLetters.records()).toEqual([]);
  });

  it('throws a transient failure of a task as TransientError, the one name the state machines retry', async () => {
    const fn = cashierFunction();
    loseEveryRace(fn.stateStore);
    await expect(fn.handler(fixture('task'), context())).rejects.toMatchObject({
      name: TRANSIENT_TASK_ERROR,
      errorType: 'DeliveryConflictError',
    });
    await expect(fn.handler(fixture('task'), context())).resolves.toEqual({ receipt: 'total 25' });
  });

  it("returns a Step Functions task's result directly and throws its typed errors for Retry/Catch", async () => {
    const fn = cashierFunction();
    await expect(fn.handler(fixture('task'), context())).resolves.toEqual({ receipt: 'total 25' });
    const failing = { ...fixture('task'), id: 'order-42:Charge:2', data: { amount: 5_000 } };
    await expect(fn.handler(failing, context())).rejects.toMatchObject({ name: 'LimitExceededError' });
    const nothing = { ...fixture('task'), id: undefined, data: { amount: 0 } };
    await expect(fn.handler(nothing, context())).resolves.toBeNull();
  });
});

describe('agentHandler bad input', () => {
  const cases: Array<[string, () => unknown, string, string]> = [
    ['invalid JSON text', () => '{"detail-type": ', 'invalid-json', 'INVALID_JSON'],
    ['an unrecognised object', () => ({ hello: 'world' }), 'unrecognised-input', 'UNRECOGNISED_INPUT'],
    [
      'an event of an unknown type',
      () => fixture('eventbridge-unknown-type'),
      'unknown-message-type',
      'UNKNOWN_MESSAGE_TYPE',
    ],
    [
      'an event violating the schema',
      () => fixture('eventbridge-schema-violation'),
      'schema-violation',
      'MESSAGE_VALIDATION',
    ],
    [
      'an event with a broken envelope',
      () => ({ ...fixture('eventbridge-envelope'), detail: { metadata: { id: 'x' }, data: {} } }),
      'invalid-envelope',
      'INVALID_ENVELOPE',
    ],
    [
      // The rules match on detail-type: a message type differing from it would reach a handler no rule chose.
      'an event whose metadata.type differs from its detail-type',
      () => ({ ...fixture('eventbridge-envelope'), 'detail-type': 'fixture.Charge' }),
      'invalid-envelope',
      'INVALID_ENVELOPE',
    ],
    [
      'an event with an invalid topic type',
      () => {
        const event = fixture('eventbridge-envelope') as { detail: { metadata: Record<string, unknown> } };
        event.detail.metadata.topicType = 'order placed';
        return event;
      },
      'invalid-identifier',
      'INVALID_IDENTIFIER',
    ],
    // EventBridge fields the adapter reads itself (the id keys idempotency, the detail-type picks the type).
    ...(
      [
        ['an event with an empty id', { id: '' }],
        ['an event whose id is not a string', { id: 42 }],
        ['an event whose id is over 128 characters', { id: 'e'.repeat(129) }],
        ['an event with an empty detail-type', { 'detail-type': '' }],
        ['an event whose detail-type is not a string', { 'detail-type': ['fixture.OrderPlaced'] }],
        ['an event whose time is not a timestamp', { time: 'yesterday' }],
      ] as const
    ).map(([name, fields]): [string, () => unknown, string, string] => [
      name,
      () => ({ ...fixture('eventbridge-bare'), ...fields }),
      'invalid-envelope',
      'INVALID_ENVELOPE',
    ]),
    [
      'oversized JSON text',
      () => JSON.stringify({ blob: 'x'.repeat(5_000) }),
      'oversized',
      'OVERSIZED_INPUT',
    ],
  ];

  it.each(cases)(
    'records %s to the dead-letter sink and returns without a retry',
    async (_, input, reason, code) => {
      const fn = cashierFunction();
      const raw = input();
      await expect(fn.handler(raw, context())).resolves.toEqual({ status: 'rejected', reason, code });
      const [record] = fn.deadLetters.records();
      expect(DeadLetterRecordSchema.parse(record)).toMatchObject({
        kind: 'agentbridge.bad-input',
        reason,
        code,
        agentType: 'cashier',
        functionName: 'cashier-fn',
        input: raw,
      });
      expect(fn.calls).toEqual([]);
    },
  );

  it('answers a bad send with { ok: false } and records it', async () => {
    const fn = cashierFunction();
    const send = { ...fixture('send'), recipient: 'stranger/k', data: { amount: 'x' } };
    await expect(fn.handler(send, context())).resolves.toMatchObject({
      ok: false,
      error: { name: 'UnknownAgentTypeError', code: 'UNKNOWN_AGENT_TYPE' },
    });
    const oversized = { ...fixture('send'), data: { amount: 1, note: 'x'.repeat(5_000) } };
    await expect(fn.handler(oversized, context())).resolves.toMatchObject({
      ok: false,
      error: { code: 'OVERSIZED_INPUT' },
    });
    expect(fn.deadLetters.records().map((record) => [record.inputKind, record.reason])).toEqual([
      ['send', 'unknown-agent-type'],
      ['send', 'oversized'],
    ]);
  });

  it('records a bad task and throws its typed error for the state machine', async () => {
    const fn = cashierFunction();
    const task = { ...fixture('task'), data: { amount: 'lots' } };
    await expect(fn.handler(task, context())).rejects.toBeInstanceOf(MessageValidationError);
    expect(fn.deadLetters.records()).toMatchObject([{ inputKind: 'task', reason: 'schema-violation' }]);
  });

  it('rethrows when the dead-letter sink itself fails, so the input is retried rather than lost', async () => {
    const fn = cashierFunction();
    vi.spyOn(fn.deadLetters, 'record').mockRejectedValueOnce(new Error('SQS unavailable'));
    await expect(fn.handler(fixture('eventbridge-schema-violation'), context())).rejects.toThrow(
      'SQS unavailable',
    );
  });
});
