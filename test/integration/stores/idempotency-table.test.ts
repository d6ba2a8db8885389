import { randomUUID } from 'node:crypto';
import {
  IdempotencyConfig,
  IdempotencyItemAlreadyExistsError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { IDEMPOTENCY_TABLE } from '../../../lambdas/contracts/tables/idempotency-table.js';
import { testDynamoClients } from '../../support/dynamodb.js';

describe('idempotency table with Powertools DynamoDBPersistenceLayer (default attribute names)', () => {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: IDEMPOTENCY_TABLE.localName,
    awsSdkV3Client: testDynamoClients().client,
  });

  // Powertools sizes the in-progress lease from the Lambda context's remaining time (and warns without one).
  const config = new IdempotencyConfig({});
  const lambdaContext: Context = {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'charge-order',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:charge-order',
    memoryLimitInMB: '128',
    awsRequestId: 'request-1',
    logGroupName: '/aws/lambda/charge-order',
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
  config.registerLambdaContext(lambdaContext);

  it('runs a repeated request once and replays the stored result', async () => {
    let runs = 0;
    const chargeOrder = makeIdempotent(
      async (request: { orderId: string; amount: number }) => {
        runs++;
        return { charged: request.amount, run: runs };
      },
      { persistenceStore, config, keyPrefix: `charge-${randomUUID()}` },
    );
    const request = { orderId: randomUUID(), amount: 42 };

    const first = await chargeOrder(request);
    const repeated = await chargeOrder({ ...request });

    expect(first).toEqual({ charged: 42, run: 1 });
    expect(repeated).toEqual(first);
    expect(runs).toBe(1);
    expect(await chargeOrder({ ...request, orderId: randomUUID() })).toEqual({ charged: 42, run: 2 });
  });

  it('stores records under the `id` partition key with an epoch-seconds `expiration`', async () => {
    const payload = { eventId: randomUUID() };
    const beforeSeconds = Math.floor(Date.now() / 1000);
    await persistenceStore.saveInProgress(payload, 30_000);
    await expect(persistenceStore.saveInProgress(payload, 30_000)).rejects.toBeInstanceOf(
      IdempotencyItemAlreadyExistsError,
    );

    const record = await persistenceStore.getRecord(payload);
    expect(record.getStatus()).toBe('INPROGRESS');
    // Powertools' default expiresAfterSeconds is one hour.
    expect(record.expiryTimestamp).toBeGreaterThanOrEqual(beforeSeconds + 3600);
    expect(record.expiryTimestamp).toBeLessThanOrEqual(beforeSeconds + 3602);
  });
});
