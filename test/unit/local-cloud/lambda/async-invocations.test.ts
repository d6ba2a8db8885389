import { afterEach, describe, expect, it } from 'vitest';
import {
  createLocalFunctions,
  type LocalFunctionsService,
} from '../../../../local/cloud/lambda/create-local-functions.js';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import type { LocalQueues, PutEventsEntry } from '../../../../local/cloud/local-cloud-ports.js';
import type { LocalDeployment } from '../../../../local/cloud/local-deployment.js';
import { testCloudContext } from '../../../support/local-cloud-context.js';
import { DAY_ONE, eventually, fixtureDeployment, recordingLogger } from './fixture-functions.js';

type SentMessage = Parameters<LocalQueues['sendMessage']>[0];

let lambda: LocalFunctionsService | undefined;
afterEach(async () => {
  await lambda?.close();
  lambda = undefined;
});

const start = (deployment: LocalDeployment = fixtureDeployment()) => {
  const clock = new LocalClock({ start: DAY_ONE });
  const sent: SentMessage[] = [];
  const published: PutEventsEntry[] = [];
  const context = testCloudContext(
    deployment,
    {
      queues: { sendMessage: async (message) => ({ messageId: String(sent.push(message)) }) },
      events: {
        putEvents: async (entries) => {
          published.push(...entries);
          return { FailedEntryCount: 0, Entries: entries.map((_, index) => ({ EventId: `e-${index}` })) };
        },
      },
    },
    { clock },
  );
  lambda = createLocalFunctions(context, { logger: recordingLogger() });
  const count = (action: string) =>
    context.journal.entries().filter((entry) => entry.action === action).length;
  return { clock, sent, published, count, lambda };
};

/** The fixture with one function's reserved concurrency at 0: every invocation of it is throttled. */
const throttledDeployment = (name: string): LocalDeployment => {
  const deployment = fixtureDeployment();
  return {
    ...deployment,
    functions: deployment.functions.map((fn) => (fn.name === name ? { ...fn, reservedConcurrency: 0 } : fn)),
  };
};

describe("the local Lambda's asynchronous queue", { timeout: 60_000 }, () => {
  it('retries a failing event a minute, then two minutes later, and sends the on-failure record after the third attempt', async () => {
    const { lambda, clock, sent, count } = start();
    await lambda.functions.invokeAsync('fail-with-destination', JSON.stringify({ orderId: 'o-1' }));
    await eventually(() => expect(count('RetryScheduled')).toBe(1));
    await clock.advance('59s');
    expect(count('Invoked')).toBe(1);
    await clock.advance('1s');
    await eventually(() => expect(count('RetryScheduled')).toBe(2));
    await clock.advance('119s');
    expect(count('Invoked')).toBe(2);
    await clock.advance('1s');
    await eventually(() => expect(sent).toHaveLength(1));
    expect(count('Invoked')).toBe(3);
    expect(sent[0]?.queue).toBe('arn:aws:sqs:us-east-1:000000000000:failures');
    const record = JSON.parse(sent[0]?.body ?? '');
    expect(record).toEqual({
      version: '1.0',
      timestamp: new Date(DAY_ONE + 180_000).toISOString(),
      requestContext: {
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:fail-with-destination:$LATEST',
        condition: 'RetriesExhausted',
        approximateInvokeCount: 3,
      },
      requestPayload: { orderId: 'o-1' },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: expect.objectContaining({
        errorType: 'OrderRejectedError',
        errorMessage: 'rejected {"orderId":"o-1"}',
      }),
    });
  });

  it("without an on-failure destination, moves the original event to the function's dead-letter queue with AWS's attributes", async () => {
    const { lambda, clock, sent, count } = start();
    await lambda.functions.invokeAsync('fail', JSON.stringify({ orderId: 'o-2' }));
    await eventually(() => expect(count('RetryScheduled')).toBe(1));
    await clock.advance('1m');
    await eventually(() => expect(count('RetryScheduled')).toBe(2));
    await clock.advance('2m');
    await eventually(() => expect(sent).toHaveLength(1));
    const [message] = sent;
    expect(message?.queue).toBe('arn:aws:sqs:us-east-1:000000000000:dead-letters');
    expect(message?.body).toBe('{"orderId":"o-2"}');
    expect(message?.attributes?.RequestID?.StringValue).toMatch(/^[0-9a-f-]{36}$/);
    expect(message?.attributes?.ErrorCode).toEqual({ DataType: 'Number', StringValue: '200' });
    expect(message?.attributes?.ErrorMessage).toEqual({
      DataType: 'String',
      StringValue: 'rejected {"orderId":"o-2"}',
    });
    expect(count('DeadLettered')).toBe(1);
  });

  it('sends a success to the on-success bus as a Lambda invocation result event', async () => {
    const { lambda, published } = start();
    await lambda.functions.invokeAsync('echo-with-success', JSON.stringify({ orderId: 'o-3' }));
    await eventually(() => expect(published).toHaveLength(1));
    const [entry] = published;
    expect(entry).toMatchObject({
      Source: 'lambda',
      DetailType: 'Lambda Function Invocation Result - Success',
      EventBusName: 'arn:aws:events:us-east-1:000000000000:event-bus/results',
      Resources: ['arn:aws:lambda:us-east-1:000000000000:function:echo-with-success:$LATEST'],
    });
    const record = JSON.parse(entry?.Detail ?? '');
    expect(record.requestContext).toMatchObject({ condition: 'Success', approximateInvokeCount: 1 });
    expect(record.responseContext).toEqual({ statusCode: 200, executedVersion: '$LATEST' });
    expect(record.responsePayload.event).toEqual({ orderId: 'o-3' });
  });

  it('is idle only once the accepted event has run and its record reached the destination', async () => {
    const { lambda, published, count } = start();
    await lambda.functions.invokeAsync('echo-with-success', '{"orderId":"o-5"}');
    await lambda.idle();
    expect([published.length, count('Succeeded'), count('SuccessDelivered')]).toEqual([1, 1, 1]);
  });

  it('retries a throttled event until its maximum age runs out, then reports EventAgeExceeded', async () => {
    const { lambda, clock, sent, count } = start(throttledDeployment('fail-with-destination'));
    await lambda.functions.invokeAsync('fail-with-destination', '{"orderId":"o-4"}');
    await eventually(() => expect(count('Throttled')).toBe(1));
    await clock.advance('59m');
    expect(sent).toHaveLength(0);
    const throttledWithinTheHour = count('Throttled');
    expect(throttledWithinTheHour).toBeGreaterThan(10);
    await clock.advance('6m');
    await eventually(() => expect(sent).toHaveLength(1));
    const record = JSON.parse(sent[0]?.body ?? '');
    expect(record.requestContext).toMatchObject({ condition: 'EventAgeExceeded', approximateInvokeCount: 0 });
    expect(record.requestPayload).toEqual({ orderId: 'o-4' });
    expect(count('Invoked')).toBe(count('Throttled'));
  });

  it('refuses an event for an unknown function at once, with ResourceNotFoundException', async () => {
    const { lambda } = start();
    await expect(lambda.functions.invokeAsync('nope', '{}')).rejects.toMatchObject({
      awsCode: 'ResourceNotFoundException',
      status: 404,
    });
  });
});
