import {
  GetFunctionCommand,
  InvokeCommand,
  LambdaClient,
  ListFunctionsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEndpoint, startAwsEndpoint } from '../../../../local/cloud/endpoint/aws-endpoint.js';
import {
  createLocalFunctions,
  type LocalFunctionsService,
} from '../../../../local/cloud/lambda/create-local-functions.js';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import { testCloudContext } from '../../../support/local-cloud-context.js';
import { DAY_ONE, eventually, fixtureDeployment, recordingLogger } from './fixture-functions.js';

const text = (payload: Uint8Array | undefined): string => new TextDecoder().decode(payload);
const bytes = (value: string): Uint8Array => new TextEncoder().encode(value);

describe('the local Lambda through the SDK v3 LambdaClient', { timeout: 60_000 }, () => {
  const context = testCloudContext(fixtureDeployment(), {}, { clock: new LocalClock({ start: DAY_ONE }) });
  let lambda: LocalFunctionsService;
  let endpoint: AwsEndpoint;
  let client: LambdaClient;

  beforeAll(async () => {
    lambda = createLocalFunctions(context, { logger: recordingLogger() });
    endpoint = await startAwsEndpoint({ services: [lambda.service] });
    client = new LambdaClient({
      endpoint: endpoint.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
  });

  afterAll(async () => {
    client.destroy();
    await endpoint.close();
    await lambda.close();
  });

  it('invokes a function and waits for its result (RequestResponse)', async () => {
    const result = await client.send(
      new InvokeCommand({ FunctionName: 'echo', Payload: bytes(JSON.stringify({ orderId: 'o-1' })) }),
    );
    expect([result.StatusCode, result.ExecutedVersion, result.FunctionError]).toEqual([
      200,
      '$LATEST',
      undefined,
    ]);
    expect(JSON.parse(text(result.Payload)).event).toEqual({ orderId: 'o-1' });
  });

  it('names a function by its ARN too', async () => {
    const result = await client.send(
      new InvokeCommand({
        FunctionName: 'arn:aws:lambda:us-east-1:000000000000:function:inline',
        Payload: bytes('{"n":5}'),
      }),
    );
    expect(JSON.parse(text(result.Payload))).toEqual({ inline: true, twice: 10 });
  });

  it("reports a handler's error as FunctionError Unhandled with AWS's error payload", async () => {
    const result = await client.send(new InvokeCommand({ FunctionName: 'fail', Payload: bytes('{}') }));
    expect([result.StatusCode, result.FunctionError]).toEqual([200, 'Unhandled']);
    expect(JSON.parse(text(result.Payload))).toMatchObject({
      errorType: 'OrderRejectedError',
      errorMessage: 'rejected {}',
    });
  });

  it('accepts an event (202) and runs it from the asynchronous queue', async () => {
    const result = await client.send(
      new InvokeCommand({
        FunctionName: 'echo',
        InvocationType: 'Event',
        Payload: bytes('{"orderId":"o-async"}'),
      }),
    );
    expect(result.StatusCode).toBe(202);
    await eventually(() =>
      expect(
        context.journal
          .entries()
          .some((entry) => entry.action === 'Succeeded' && entry.payload.includes('o-async')),
      ).toBe(true),
    );
  });

  it('validates a DryRun without running the function (204)', async () => {
    const before = context.journal.entries().length;
    const result = await client.send(new InvokeCommand({ FunctionName: 'echo', InvocationType: 'DryRun' }));
    expect(result.StatusCode).toBe(204);
    expect(context.journal.entries().length).toBe(before);
  });

  it('answers an unknown function with ResourceNotFoundException and a payload that is not JSON with InvalidRequestContentException', async () => {
    const unknown = await client
      .send(new InvokeCommand({ FunctionName: 'nope' }))
      .catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
    expect((unknown as ResourceNotFoundException).$metadata.httpStatusCode).toBe(404);
    const garbled = await client
      .send(new InvokeCommand({ FunctionName: 'echo', Payload: bytes('{not json') }))
      .catch((error: unknown) => error);
    expect(garbled).toMatchObject({ name: 'InvalidRequestContentException' });
  });

  it('describes a function (GetFunction) and lists them all (ListFunctions)', async () => {
    const described = await client.send(new GetFunctionCommand({ FunctionName: 'sleep' }));
    expect(described.Configuration).toMatchObject({
      FunctionName: 'sleep',
      FunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:sleep',
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      Timeout: 3,
      MemorySize: 128,
      State: 'Active',
    });
    expect(described.Concurrency?.ReservedConcurrentExecutions).toBe(1);
    const listed = await client.send(new ListFunctionsCommand({}));
    expect(listed.Functions?.map((fn) => fn.FunctionName).sort()).toEqual(
      context.deployment.functions.map((fn) => fn.name).sort(),
    );
  });
});
