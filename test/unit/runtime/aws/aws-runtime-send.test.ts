import { InvokeCommand, type InvokeCommandOutput } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { AgentId } from '../../../../lambdas/runtime/agent-id.js';
import { AwsRuntime } from '../../../../lambdas/runtime/aws/aws-runtime.js';
import {
  InvalidRemoteResponseError,
  RemoteAgentError,
  RemoteFunctionError,
} from '../../../../lambdas/runtime/aws/remote-agent-error.js';
import { SendRequestSchema } from '../../../../lambdas/runtime/aws/send-request.js';
import { SendTimeoutError } from '../../../../lambdas/runtime/aws/send-timeout-error.js';
import {
  CantHandleError,
  MessageCancelledError,
  UnknownAgentTypeError,
} from '../../../../lambdas/runtime/runtime-error.js';
import { Charge, testClients, testConfig } from './aws-runtime-fixtures.js';

/** A response payload as the SDK hands it over (a Uint8Array subclass). */
const encode = (value: unknown) =>
  new TextEncoder().encode(JSON.stringify(value)) as InvokeCommandOutput['Payload'];
const cashier = new AgentId('cashier', 'order-1');

function setup(sendTimeoutMs = 1_000) {
  const clients = testClients();
  const lambda = mockClient(clients.lambda);
  return { lambda, runtime: new AwsRuntime({ ...clients, config: testConfig({ sendTimeoutMs }) }) };
}

describe('AwsRuntime.send', () => {
  it("invokes the recipient type's function RequestResponse with the send payload and returns the result", async () => {
    const { lambda, runtime } = setup();
    lambda
      .on(InvokeCommand)
      .resolves({ StatusCode: 200, Payload: encode({ ok: true, result: { receipt: 'r-1' } }) });
    const before = Date.now();
    await expect(runtime.send(Charge, { amount: 5 }, cashier, { correlationId: 'corr-9' })).resolves.toEqual({
      receipt: 'r-1',
    });
    const input = lambda.commandCalls(InvokeCommand)[0]?.args[0].input;
    expect(input).toMatchObject({ FunctionName: 'cashier-fn', InvocationType: 'RequestResponse' });
    const payload = SendRequestSchema.parse(JSON.parse(String(input?.Payload)));
    expect(payload).toMatchObject({ agentbridge: 'send', recipient: 'cashier/order-1', data: { amount: 5 } });
    expect(payload.metadata).toMatchObject({
      type: 'test.Charge',
      topicType: 'cashier',
      topicSource: 'order-1',
      correlationId: 'corr-9',
    });
    expect(payload.deadline).toBeGreaterThanOrEqual(before + 1_000);
  });

  it('rejects a send to a type missing from the function map at once, without invoking', async () => {
    const { lambda, runtime } = setup();
    await expect(runtime.send(Charge, { amount: 1 }, new AgentId('nobody', 'k'))).rejects.toBeInstanceOf(
      UnknownAgentTypeError,
    );
    expect(lambda.commandCalls(InvokeCommand)).toHaveLength(0);
  });

  it("rebuilds the remote handler's error with its name, code and message", async () => {
    const { lambda, runtime } = setup();
    const error = { name: 'OutOfStockError', code: 'OUT_OF_STOCK', message: 'sku A is out of stock' };
    lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: encode({ ok: false, error }) });
    const failure = await runtime.send(Charge, { amount: 1 }, cashier).catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(RemoteAgentError);
    expect(failure).toMatchObject({ ...error, recipient: 'cashier/order-1' });
  });

  it('turns a remote CANT_HANDLE into a CantHandleError, as in process', async () => {
    const { lambda, runtime } = setup();
    const error = { name: 'CantHandleError', code: 'CANT_HANDLE', message: 'no rpc handler' };
    lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: encode({ ok: false, error }) });
    await expect(runtime.send(Charge, { amount: 1 }, cashier)).rejects.toBeInstanceOf(CantHandleError);
  });

  it("maps a Lambda FunctionError to a typed error carrying the payload's errorType and errorMessage", async () => {
    const { lambda, runtime } = setup();
    lambda
      .on(InvokeCommand)
      .resolvesOnce({
        StatusCode: 200,
        FunctionError: 'Unhandled',
        Payload: encode({ errorType: 'DeliveryConflictError', errorMessage: 'state changed', trace: [] }),
      })
      .resolvesOnce({
        StatusCode: 200,
        FunctionError: 'Unhandled',
        Payload: encode({ errorMessage: '2026-11-24T18:00:00.000Z abc Task timed out after 3.00 seconds' }),
      });
    await expect(runtime.send(Charge, { amount: 1 }, cashier)).rejects.toMatchObject({
      code: 'REMOTE_FUNCTION_ERROR',
      functionName: 'cashier-fn',
      errorType: 'DeliveryConflictError',
      errorMessage: 'state changed',
    });
    const timedOut = await runtime.send(Charge, { amount: 1 }, cashier).catch((caught: unknown) => caught);
    expect(timedOut).toBeInstanceOf(RemoteFunctionError);
    expect(timedOut).toMatchObject({
      errorType: 'Unhandled',
      errorMessage: expect.stringContaining('timed out'),
    });
  });

  it('gives up with a SendTimeoutError when no reply comes within the timeout', async () => {
    const { lambda, runtime } = setup(50);
    lambda.on(InvokeCommand).callsFake(() => new Promise(() => undefined));
    const started = Date.now();
    const failure = await runtime.send(Charge, { amount: 1 }, cashier).catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(SendTimeoutError);
    expect(failure).toMatchObject({
      recipient: 'cashier/order-1',
      messageType: 'test.Charge',
      timeoutMs: 50,
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("rejects with MessageCancelledError when the caller's signal aborts first", async () => {
    const { lambda, runtime } = setup();
    const controller = new AbortController();
    // The caller gives up while the invoke is in flight: abort when it starts, not after a guessed delay.
    lambda.on(InvokeCommand).callsFake(() => {
      controller.abort();
      return new Promise(() => undefined);
    });
    const reply = runtime.send(Charge, { amount: 1 }, cashier, { signal: controller.signal });
    await expect(reply).rejects.toBeInstanceOf(MessageCancelledError);
  });

  it('reports an answer that is not a send response as an invalid remote response', async () => {
    const { lambda, runtime } = setup();
    lambda
      .on(InvokeCommand)
      .resolves({ StatusCode: 200, Payload: encode({ statusCode: 200, body: 'hello' }) });
    await expect(runtime.send(Charge, { amount: 1 }, cashier)).rejects.toBeInstanceOf(
      InvalidRemoteResponseError,
    );
  });
});
