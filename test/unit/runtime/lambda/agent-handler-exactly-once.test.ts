import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreUnavailableError } from '../../../../lambdas/stores/store-errors.js';
import { fakeLambdaContext } from '../../../support/aws-loopback/fake-lambda-context.js';
import { cashierFunction, fixture } from './agent-function-fixture.js';

const context = () => fakeLambdaContext('cashier-fn', 30_000);
/** Lambda's first async retry comes about a minute after the failed invocation, past its timeout. */
const LAMBDA_RETRY_DELAY_MS = 70_000;

/** DynamoDB applied the write, but its answer never arrived (a timeout): the SDK call fails. */
const writeResponseLost = (): Error =>
  new StoreUnavailableError('agent-state', 'put', { cause: new Error('socket hang up after the write') });

/** Invokes, expecting the invocation to fail (Lambda then retries it); returns what it threw. */
const failedInvocation = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    (response) => {
      throw new Error(`expected the invocation to fail, it answered ${JSON.stringify(response)}`);
    },
    (error: unknown) => error,
  );

describe('agentHandler of a stateful agent applies a message once whatever fails after its state write', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('applies a deposit of 25 once when the idempotency write after the state write fails and Lambda retries', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const fn = cashierFunction();
    // The write that marks the message done fails (throttled) after the state write succeeded.
    vi.spyOn(fn.idempotency, 'saveSuccess').mockRejectedValueOnce(new Error('ProvisionedThroughputExceeded'));
    const deposit = fixture('send');
    const first = await fn.handler(deposit, context()).catch((error: unknown) => error);
    vi.setSystemTime(Date.now() + LAMBDA_RETRY_DELAY_MS);
    const retried = await fn.handler(structuredClone(deposit), context());
    expect(await fn.stateStore.get('cashier/order-42')).toMatchObject({ state: { total: 25 }, version: 1 });
    expect(retried).toEqual({ ok: true, result: { receipt: 'total 25' } });
    // Whether the first invocation answered or failed, it cannot have answered anything else.
    if (!(first instanceof Error)) expect(first).toEqual(retried);
  });

  it('answers the retry of an rpc that lost the answer to its state write with the first reply', async () => {
    const fn = cashierFunction();
    const put = fn.stateStore.put.bind(fn.stateStore);
    vi.spyOn(fn.stateStore, 'put').mockImplementationOnce(async (...args) => {
      await put(...args);
      throw writeResponseLost();
    });
    const deposit = fixture('send');
    expect(await failedInvocation(fn.handler(deposit, context()))).toMatchObject({
      code: 'STORE_UNAVAILABLE',
      store: 'agent-state',
    });
    await expect(fn.handler(structuredClone(deposit), context())).resolves.toEqual({
      ok: true,
      result: { receipt: 'total 25' },
    });
    expect(fn.calls).toHaveLength(1);
    expect(await fn.stateStore.get('cashier/order-42')).toMatchObject({ state: { total: 25 }, version: 1 });
  });

  it('acknowledges the retry of a task that lost the answer to its state write without running it again', async () => {
    const fn = cashierFunction();
    const put = fn.stateStore.put.bind(fn.stateStore);
    vi.spyOn(fn.stateStore, 'put').mockImplementationOnce(async (...args) => {
      await put(...args);
      throw writeResponseLost();
    });
    const task = fixture('task');
    await failedInvocation(fn.handler(task, context()));
    await expect(fn.handler(structuredClone(task), context())).resolves.toEqual({ receipt: 'total 25' });
    expect(fn.calls).toHaveLength(1);
  });
});
