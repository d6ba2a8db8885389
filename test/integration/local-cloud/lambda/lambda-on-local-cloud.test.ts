import { randomUUID } from 'node:crypto';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureBundledCdkOut } from '../../../../local/cdk-out/cdk-out-template.js';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import { type LocalCloud, startLocalCloud } from '../../../../local/cloud/start-local-cloud.js';
import { recordingLogger } from '../../../unit/local-cloud/lambda/fixture-functions.js';

const bytes = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
const text = (payload: Uint8Array | undefined): string => new TextDecoder().decode(payload);

/** ChargePayment as the order saga's state machine sends it to the payment function. */
const charge = (cardToken: string) => {
  const orderId = `o-${randomUUID()}`;
  return {
    orderId,
    task: {
      agentbridge: 'task',
      messageType: 'ChargePayment',
      recipient: `payment/${orderId}`,
      correlationId: orderId,
      id: `${orderId}:ChargePayment`,
      data: {
        sagaId: `saga-${orderId}`,
        orderId,
        userId: 'u-1',
        items: [{ sku: 'A', quantity: 2, unitPrice: 1_250 }],
        payment: { cardToken },
      },
    },
  };
};

describe('the order system payment function on the local cloud, through the real LambdaClient', () => {
  let cloud: LocalCloud;
  let client: LambdaClient;
  let payment = '';

  beforeAll(async () => {
    cloud = await startLocalCloud({
      cdkOutDir: ensureBundledCdkOut(),
      dynamoDbEndpoint: inject('dynamodbEndpoint'),
      clock: new LocalClock(),
      logger: recordingLogger(),
    });
    payment = cloud.deployment.functions.find((fn) => fn.name.endsWith('-payment'))?.name ?? '';
    client = new LambdaClient({
      endpoint: cloud.endpointUrl,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  }, 600_000);
  afterAll(async () => {
    client?.destroy();
    await cloud?.close();
  });

  it('charges an order (RequestResponse), the bundle storing the payment in DynamoDB Local', async () => {
    const { task } = charge('tok_visa');
    const result = await client.send(new InvokeCommand({ FunctionName: payment, Payload: bytes(task) }));
    expect([result.StatusCode, result.FunctionError]).toEqual([200, undefined]);
    expect(JSON.parse(text(result.Payload))).toMatchObject({
      amount: 2_500,
      paymentId: expect.stringMatching(/^pay_/),
    });
  });

  it("answers a declined charge with the handler's named error as FunctionError Unhandled", async () => {
    const { task } = charge('tok_decline');
    const result = await client.send(new InvokeCommand({ FunctionName: payment, Payload: bytes(task) }));
    expect(result.FunctionError).toBe('Unhandled');
    expect(JSON.parse(text(result.Payload)).errorType).toBe('PaymentDeclinedError');
  });

  it('accepts a charge as an event (202) and runs it before the cloud reports itself settled', async () => {
    const { task, orderId } = charge('tok_visa');
    const result = await client.send(
      new InvokeCommand({ FunctionName: payment, InvocationType: 'Event', Payload: bytes(task) }),
    );
    expect(result.StatusCode).toBe(202);
    await cloud.advance(0);
    const entries = cloud.journal.entries();
    const invoked = entries.findIndex(
      (entry) => entry.action === 'Invoked' && entry.payload.includes(orderId),
    );
    expect(invoked).toBeGreaterThan(0);
    expect(entries[invoked - 1]?.action).toBe('InvokeAccepted');
    // Other functions of the cloud (the users agent on its stream) may journal in between.
    const ended = entries.slice(invoked + 1).find((entry) => entry.resource === payment);
    expect(ended).toMatchObject({ resource: payment, action: 'Succeeded' });
  });
});
