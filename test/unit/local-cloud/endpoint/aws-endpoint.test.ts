import { EventBridgeClient, PutEventsCommand, ResourceNotFoundException } from '@aws-sdk/client-eventbridge';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../../../lambdas/contracts/logger.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../../local/cloud/endpoint/aws-endpoint.js';
import {
  type AwsRequest,
  AwsServiceError,
  jsonProtocolService,
} from '../../../../local/cloud/endpoint/aws-service.js';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const logged: { message: string; extra?: Record<string, unknown> }[] = [];
const logger: Logger = {
  warn: (message, extra) => logged.push({ message, ...(extra === undefined ? {} : { extra }) }),
  error: (message, extra) => logged.push({ message, ...(extra === undefined ? {} : { extra }) }),
};
const seen: AwsRequest[] = [];

const events = jsonProtocolService({
  signingNames: ['events'],
  targetPrefix: 'AWSEvents.',
  contentType: 'application/x-amz-json-1.1',
  operations: {
    PutEvents: async (input, request) => {
      seen.push(request);
      const entries = input.Entries as { DetailType: string }[];
      if (entries[0]?.DetailType === 'Crash') throw new TypeError('a bug in the service');
      if (entries[0]?.DetailType === 'Missing')
        throw new AwsServiceError('ResourceNotFoundException', 'Event bus nowhere does not exist.');
      return { FailedEntryCount: 0, Entries: entries.map((_, index) => ({ EventId: `event-${index}` })) };
    },
  },
});
const lambda = {
  signingNames: ['lambda'],
  targetPrefixes: [],
  handle: async (request: AwsRequest) => ({
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ path: request.path, payload: request.body }),
  }),
};

describe('the local cloud endpoint', () => {
  let endpoint: AwsEndpoint;
  beforeAll(async () => {
    endpoint = await startAwsEndpoint({
      services: [events, lambda],
      logger,
      admin: async (request) => ({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ admin: request.path, contains: request.query.get('contains') }),
      }),
    });
  });
  afterAll(() => endpoint.close());
  const client = <T>(Client: new (config: object) => T): T =>
    new Client({ endpoint: endpoint.url, region: 'us-east-1', credentials, maxAttempts: 1 });

  it('routes a JSON-protocol call by its target and hands the service lower-case headers and the signing name', async () => {
    const result = await client(EventBridgeClient).send(
      new PutEventsCommand({ Entries: [{ Source: 'shop', DetailType: 'OrderPlaced', Detail: '{}' }] }),
    );
    expect(result.Entries).toEqual([{ EventId: 'event-0' }]);
    const request = seen.at(-1);
    expect([request?.target, request?.signingService, request?.headers['content-type']]).toEqual([
      'AWSEvents.PutEvents',
      'events',
      'application/x-amz-json-1.1',
    ]);
  });

  it('routes a REST call without a target by its signing name', async () => {
    const result = await client(LambdaClient).send(
      new InvokeCommand({ FunctionName: 'greeter', Payload: new TextEncoder().encode('{"hi":1}') }),
    );
    expect(JSON.parse(new TextDecoder().decode(result.Payload))).toEqual({
      path: '/2015-03-31/functions/greeter/invocations',
      payload: '{"hi":1}',
    });
  });

  it("answers a service's AwsServiceError as the SDK's named exception", async () => {
    const call = client(EventBridgeClient).send(
      new PutEventsCommand({ Entries: [{ Source: 'shop', DetailType: 'Missing', Detail: '{}' }] }),
    );
    await expect(call).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('answers a service that throws a bug with 500 InternalFailure, logs it, and keeps serving', async () => {
    const failing = client(EventBridgeClient).send(
      new PutEventsCommand({ Entries: [{ Source: 'shop', DetailType: 'Crash', Detail: '{}' }] }),
    );
    await expect(failing).rejects.toMatchObject({
      name: 'InternalFailure',
      $metadata: { httpStatusCode: 500 },
    });
    expect(logged.at(-1)).toMatchObject({
      message: 'a local service failed unexpectedly',
      extra: { target: 'AWSEvents.PutEvents', error: expect.stringContaining('a bug in the service') },
    });
    const after = await client(EventBridgeClient).send(
      new PutEventsCommand({ Entries: [{ Source: 'shop', DetailType: 'OrderPlaced', Detail: '{}' }] }),
    );
    expect(after.FailedEntryCount).toBe(0);
  });

  it('names the target and signing service of a call no service claims', async () => {
    const call = client(SQSClient).send(new ListQueuesCommand({}));
    await expect(call).rejects.toMatchObject({
      name: 'UnknownServiceException',
      message: expect.stringMatching(/target AmazonSQS\.ListQueues, signing service sqs, POST \//),
    });
  });

  it('names the path of an unsigned request no service claims', async () => {
    const response = await fetch(`${endpoint.url}/nothing/here`, { method: 'PUT', body: 'x' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      __type: 'UnknownServiceException',
      message: expect.stringContaining('target none, signing service none, PUT /nothing/here'),
    });
  });

  it('sends /_agentbridge/ requests to the admin handler, unsigned, with their query', async () => {
    const response = await fetch(`${endpoint.url}/_agentbridge/journal?contains=order-1`);
    expect(await response.json()).toEqual({ admin: '/_agentbridge/journal', contains: 'order-1' });
  });
});

describe('an endpoint without admin routes', () => {
  it('answers an admin path with 404 instead of routing it to a service', async () => {
    const endpoint = await startAwsEndpoint({ services: [lambda], logger });
    try {
      const response = await fetch(`${endpoint.url}/_agentbridge/journal`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ __type: 'ResourceNotFoundException' });
    } finally {
      await endpoint.close();
    }
  });
});
