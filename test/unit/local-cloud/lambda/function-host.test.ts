import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsServiceError } from '../../../../local/cloud/endpoint/aws-service.js';
import {
  createLocalFunctions,
  type LocalFunctionsService,
} from '../../../../local/cloud/lambda/create-local-functions.js';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import { testCloudContext } from '../../../support/local-cloud-context.js';
import { DAY_ONE, eventually, FIXTURE_DIR, fixtureDeployment, recordingLogger } from './fixture-functions.js';

let lambda: LocalFunctionsService | undefined;
afterEach(async () => {
  await lambda?.close();
  lambda = undefined;
});

const start = (options: { readonly endpointUrl?: string } = {}) => {
  const clock = new LocalClock({ start: DAY_ONE });
  const context = testCloudContext(fixtureDeployment(), {}, { clock, ...options });
  const logger = recordingLogger();
  lambda = createLocalFunctions(context, { logger });
  return { clock, context, logger, lambda };
};

describe('the local Lambda host', { timeout: 60_000 }, () => {
  it('runs a bundle with the event, a Lambda context and the environment Lambda sets', async () => {
    const { lambda } = start({ endpointUrl: 'http://127.0.0.1:4999' });
    const result = await lambda.functions.invoke('echo', JSON.stringify({ orderId: 'o-1' }));
    expect(result.functionError).toBeUndefined();
    const echoed = JSON.parse(result.payload);
    expect(echoed).toMatchObject({
      event: { orderId: 'o-1' },
      functionName: 'echo',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:echo',
      memoryLimitInMB: '256',
      remainingMs: 3_000,
      env: {
        AWS_LAMBDA_FUNCTION_NAME: 'echo',
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
        AWS_REGION: 'us-east-1',
        AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
        AWS_ENDPOINT_URL: 'http://127.0.0.1:4999',
        AWS_ACCESS_KEY_ID: 'local',
        LAMBDA_TASK_ROOT: `${FIXTURE_DIR}/echo`,
        _HANDLER: 'index.handler',
        GREETING: 'hello',
      },
    });
    expect(echoed.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('hands each invocation its own unsampled X-Ray trace header, as Lambda sets it', async () => {
    const { lambda } = start();
    const header = async () =>
      JSON.parse((await lambda.functions.invoke('echo', '{}')).payload).env._X_AMZN_TRACE_ID as string;
    const [first, second] = [await header(), await header()];
    expect(first).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
    expect(second).not.toBe(first);
  });

  it('reuses a warm environment: module scope runs once, the second invocation is not a cold start', async () => {
    const { lambda } = start();
    const first = await lambda.host.invoke('echo', '{}');
    const second = await lambda.host.invoke('echo', '{}');
    expect([first.coldStart, second.coldStart]).toEqual([true, false]);
    expect(JSON.parse(second.payload).invocations).toBe(2);
  });

  it('prewarmed, loads every module ahead of the first invocation, which then pays no cold start', async () => {
    const { lambda } = start();
    await lambda.host.prewarm();
    const first = await lambda.host.invoke('echo', '{}');
    expect([first.coldStart, JSON.parse(first.payload).invocations]).toEqual([false, 1]);
  });

  it('answers a thrown error as AWS writes it and journals the invocation and its failure', async () => {
    const { lambda, context } = start();
    const result = await lambda.functions.invoke('fail', JSON.stringify({ n: 1 }));
    expect(result.functionError).toBe('Unhandled');
    const error = JSON.parse(result.payload);
    expect(error).toMatchObject({ errorType: 'OrderRejectedError', errorMessage: 'rejected {"n":1}' });
    expect(error.trace[0]).toBe('OrderRejectedError: rejected {"n":1}');
    expect(context.journal.entries().map((entry) => [entry.action, entry.resource])).toEqual([
      ['Invoked', 'fail'],
      ['Failed', 'fail'],
    ]);
  });

  it('times a function out once the clock and the wall clock passed its timeout, terminating its environment, and starts a fresh one after', async () => {
    const { lambda, clock } = start();
    const pending = lambda.host.invoke('sleep', '{}');
    await eventually(() => expect(clock.armed).toBe(1));
    await clock.advance('3s');
    const result = await pending;
    expect(result.functionError).toBe('Unhandled');
    expect(JSON.parse(result.payload)).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${result.requestId} Error: Task timed out after 3.00 seconds`,
    });
    const next = lambda.host.invoke('sleep', '{}');
    await eventually(() => expect(clock.armed).toBe(1));
    await clock.advance('3s');
    expect((await next).coldStart).toBe(true);
  });

  it('lets a running handler finish when the clock moves past its timeout: the advance is time waited, not run', async () => {
    const { lambda, clock } = start();
    const pending = lambda.host.invoke('sleep', JSON.stringify({ ms: 400 }));
    await eventually(() => expect(clock.armed).toBe(1));
    await clock.advance('3d');
    const result = await pending;
    expect([result.functionError, JSON.parse(result.payload)]).toEqual([undefined, 'late']);
    expect(clock.now()).toBe(DAY_ONE + 3 * 86_400_000);
  });

  it('throttles an invocation beyond the reserved concurrency with a transient TooManyRequestsException', async () => {
    const { lambda, clock } = start();
    const running = lambda.functions.invoke('sleep', '{}');
    const throttled = await lambda.functions.invoke('sleep', '{}').catch((error: unknown) => error);
    expect(throttled).toBeInstanceOf(AwsServiceError);
    expect(throttled).toMatchObject({ awsCode: 'TooManyRequestsException', status: 429, transient: true });
    await eventually(() => expect(clock.armed).toBe(1));
    await clock.advance('3s');
    expect((await running).functionError).toBe('Unhandled');
  });

  it('shows the handler the virtual time, before and after the clock moves', async () => {
    const { lambda, clock } = start();
    const before = JSON.parse((await lambda.functions.invoke('clock', '{}')).payload);
    expect(before).toMatchObject({ now: DAY_ONE, iso: new Date(DAY_ONE).toISOString() });
    expect(Date.parse(before.text)).toBe(DAY_ONE);
    await clock.advance('3d');
    const after = JSON.parse((await lambda.functions.invoke('clock', '{}')).payload);
    const threeDaysOn = DAY_ONE + 3 * 86_400_000;
    expect(after).toMatchObject({ now: threeDaysOn, iso: new Date(threeDaysOn).toISOString() });
  });

  it('fails the invocation of a crashed runtime as an exit error and replaces the environment', async () => {
    const { lambda } = start();
    const first = await lambda.host.invoke('crash', '{}');
    expect(first.functionError).toBe('Unhandled');
    expect(JSON.parse(first.payload)).toEqual({
      errorType: 'Runtime.ExitError',
      errorMessage: `RequestId: ${first.requestId} Error: Runtime exited with error: exit status 3`,
    });
    expect((await lambda.host.invoke('crash', '{}')).coldStart).toBe(true);
  });

  it('replaces an environment whose runtime died between invocations instead of handing it the next one', async () => {
    const { lambda } = start();
    expect((await lambda.host.invoke('late-crash', '{"crashAfter":true}')).functionError).toBeUndefined();
    await eventually(() => expect(lambda.host.environments('late-crash')).toBe(0));
    const next = await lambda.host.invoke('late-crash', '{}');
    expect([next.functionError, next.coldStart]).toEqual([undefined, true]);
  });

  it('runs inline template code', async () => {
    const { lambda } = start();
    expect(JSON.parse((await lambda.functions.invoke('inline', '{"n":2}')).payload)).toEqual({
      inline: true,
      twice: 4,
    });
  });

  it('rejects an unknown function with ResourceNotFoundException (404), by name or qualified ARN', async () => {
    const { lambda } = start();
    await expect(lambda.functions.invoke('nope', '{}')).rejects.toMatchObject({
      awsCode: 'ResourceNotFoundException',
      status: 404,
      message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope',
    });
    await expect(
      lambda.functions.invoke('arn:aws:lambda:us-east-1:000000000000:function:echo:live', '{}'),
    ).rejects.toMatchObject({ awsCode: 'ResourceNotFoundException' });
    const byArn = await lambda.functions.invoke(
      'arn:aws:lambda:us-east-1:000000000000:function:echo:$LATEST',
      '{}',
    );
    expect(JSON.parse(byArn.payload).functionName).toBe('echo');
  });

  it("forwards the function's console output to the host's logger, prefixed with its name", async () => {
    const { lambda, logger } = start();
    await lambda.functions.invoke('echo', JSON.stringify({ log: 'order o-1 received' }));
    await eventually(() => expect(logger.lines).toContain('[echo] order o-1 received'));
  });

  it('points the plain SDK client in a bundle at the local cloud, with local credentials', async () => {
    const requests: Array<{ target: string | undefined; authorization: string | undefined }> = [];
    const server = createServer((request: IncomingMessage, response) => {
      requests.push({
        target: request.headers['x-amz-target'] as string | undefined,
        authorization: request.headers.authorization,
      });
      request.resume().on('end', () => {
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { lambda } = start({ endpointUrl: `http://127.0.0.1:${port}` });
      const result = await lambda.functions.invoke('sdk', '{"orderId":"o-1"}');
      expect(JSON.parse(result.payload)).toEqual({ failed: 0 });
      expect(requests).toHaveLength(1);
      expect(requests[0]?.target).toBe('AWSEvents.PutEvents');
      expect(requests[0]?.authorization).toContain('Credential=local/');
    } finally {
      server.close();
    }
  });
});
