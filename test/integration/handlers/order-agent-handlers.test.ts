import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ENV } from '../../../lambdas/contracts/env-names.js';
import { fakeLambdaContext } from '../../support/aws-loopback/fake-lambda-context.js';
import { setDeployedHandlerEnvironment } from '../../support/deployed-handler-environment.js';

type Handler = (event: unknown, context: ReturnType<typeof fakeLambdaContext>) => Promise<unknown>;

/**
 * The handler entry files as Lambda loads them: module-scope wiring from the environment, DynamoDB Local as
 * the DynamoDB endpoint (through the standard AWS_ENDPOINT_URL_DYNAMODB), Step Functions task inputs in.
 * Nothing here publishes or invokes, so EventBridge, Lambda and SQS are configured but never called.
 */
const HANDLERS = {
  payment: () => import('../../../lambdas/handlers/payment-handler.js'),
  inventory: () => import('../../../lambdas/handlers/inventory-handler.js'),
  users: () => import('../../../lambdas/handlers/users-handler.js'),
  orders: () => import('../../../lambdas/handlers/orders-handler.js'),
  notification: () => import('../../../lambdas/handlers/notification-handler.js'),
} as const;

const load = async (agentType: keyof typeof HANDLERS): Promise<Handler> => {
  // The CDK stack sets the agent type per function; the module reads it once, at import.
  process.env[ENV.agentType] = agentType;
  return (await HANDLERS[agentType]()).handler as unknown as Handler;
};

beforeAll(() => setDeployedHandlerEnvironment(inject('dynamodbEndpoint')));

const task = (agent: string, messageType: string, data: Record<string, unknown>, orderId: string) => ({
  agentbridge: 'task',
  messageType,
  recipient: `${agent}/${orderId}`,
  data,
  id: `${orderId}:${messageType}`,
});

describe('order agent handlers (Step Functions tasks on DynamoDB Local)', () => {
  it('payment: charges once and throws PaymentDeclinedError by name for the declining token', async () => {
    const handler = await load('payment');
    const orderId = `o-${randomUUID()}`;
    const sagaId = `saga-${orderId}`;
    const items = [{ sku: 'A', quantity: 2, unitPrice: 1_250 }];
    const charge = task(
      'payment',
      'ChargePayment',
      { sagaId, orderId, userId: 'u-1', items, payment: { cardToken: 'tok_visa' } },
      orderId,
    );
    const first = await handler(charge, fakeLambdaContext('payment', 30_000));
    expect(first).toMatchObject({ amount: 2_500, paymentId: expect.stringMatching(/^pay_/) });
    const declinedId = `o-${randomUUID()}`;
    const declined = task(
      'payment',
      'ChargePayment',
      {
        sagaId: `saga-${declinedId}`,
        orderId: declinedId,
        userId: 'u-1',
        items,
        payment: { cardToken: 'tok_decline' },
      },
      declinedId,
    );
    await expect(handler(declined, fakeLambdaContext('payment', 30_000))).rejects.toMatchObject({
      name: 'PaymentDeclinedError',
    });
  });

  it('inventory: reserves and releases through the DynamoDB store', async () => {
    const handler = await load('inventory');
    const orderId = `o-${randomUUID()}`;
    const sku = `SKU-${randomUUID().slice(0, 8).toUpperCase()}`;
    const items = [{ sku, quantity: 1 }];
    await expect(
      handler(
        task('inventory', 'ReserveInventory', { sagaId: `saga-${orderId}`, orderId, items }, orderId),
        fakeLambdaContext('inventory', 30_000),
      ),
    ).rejects.toMatchObject({ name: 'InsufficientStockError', sku });
    const release = await handler(
      task('inventory', 'ReleaseInventory', { sagaId: `saga-${orderId}`, orderId }, orderId),
      fakeLambdaContext('inventory', 30_000),
    );
    expect(release).toEqual({ released: false, items: [] });
  });

  it('users and orders: a created user validates, and CreateOrder appends to the event store', async () => {
    const users = await load('users');
    const orders = await load('orders');
    const userId = `u-${randomUUID()}`;
    const create = task(
      'users',
      'CreateUser',
      { userId, email: `${userId}@example.com`, name: 'Ada', phone: '+14155550100' },
      userId,
    );
    expect(await users(create, fakeLambdaContext('users', 30_000))).toEqual({ userId, version: 1 });
    const orderId = `o-${randomUUID()}`;
    const validated = await users(
      task('users', 'ValidateUser', { sagaId: `saga-${orderId}`, orderId, userId }, orderId),
      fakeLambdaContext('users', 30_000),
    );
    expect(validated).toMatchObject({ userId, name: 'Ada', version: 1 });
    const order = await orders(
      task(
        'orders',
        'CreateOrder',
        {
          sagaId: `saga-${orderId}`,
          orderId,
          userId,
          items: [{ sku: 'A', quantity: 1, unitPrice: 5 }],
          amount: 5,
          paymentId: 'pay_1',
        },
        orderId,
      ),
      fakeLambdaContext('orders', 30_000),
    );
    expect(order).toEqual({ orderId, state: 'created', version: 1 });
    const notification = await load('notification');
    const shipped = await notification(
      task('notification', 'SendShippingNotification', { orderId, userId, trackingNumber: '1Z999' }, orderId),
      fakeLambdaContext('notification', 30_000),
    );
    expect(shipped).toEqual({ notificationIds: [`${orderId}:shipped:email`, `${orderId}:shipped:sms`] });
  });
});
