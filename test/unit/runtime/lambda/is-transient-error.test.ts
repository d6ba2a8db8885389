import { IdempotencyAlreadyInProgressError } from '@aws-lambda-powertools/idempotency';
import { describe, expect, it } from 'vitest';
import type { MessageValidationError } from '../../../../lambdas/contracts/message-validation-error.js';
import { DeliveryConflictError } from '../../../../lambdas/runtime/aws/aws-runtime-error.js';
import { PublishFailedError } from '../../../../lambdas/runtime/aws/publish-failed-error.js';
import { RemoteFunctionError } from '../../../../lambdas/runtime/aws/remote-agent-error.js';
import { SendTimeoutError } from '../../../../lambdas/runtime/aws/send-timeout-error.js';
import { isTransientError } from '../../../../lambdas/runtime/lambda/is-transient-error.js';
import { CantHandleError, MessageCancelledError } from '../../../../lambdas/runtime/runtime-error.js';
import { StateVersionConflictError } from '../../../../lambdas/stores/agent-state/agent-state-error.js';
import { LockContentionError } from '../../../../lambdas/stores/locks/lock-error.js';
import { StoreUnavailableError } from '../../../../lambdas/stores/store-errors.js';
import { Charge } from './agent-function-fixture.js';

const sdkError = (name: string, fields: Record<string, unknown>): Error =>
  Object.assign(new Error(name), { name, ...fields });

describe('isTransientError', () => {
  it.each([
    ['a lost state race', new DeliveryConflictError('a/k', 'm1')],
    [
      'an unavailable state store',
      new StoreUnavailableError('agent-state', 'put', { cause: new Error('throttled') }),
    ],
    ['a publish EventBridge kept rejecting', new PublishFailedError([], 0)],
    ['a state write that lost its version race', new StateVersionConflictError('a/k', 3, 4)],
    ['a send that got no reply in time', new SendTimeoutError('a/k', 'test.Charge', 1_000)],
    ['a recipient function that failed', new RemoteFunctionError('fn', 'Unhandled', 'Error', 'boom')],
    ['a delivery whose deadline passed', new MessageCancelledError('test.Charge')],
    ['a lock that stayed contended past its retry budget', new LockContentionError('orders/1', 3)],
    [
      'a transient error of another copy of the library',
      Object.assign(new Error('slow down'), { name: 'ThrottledError', code: 'THROTTLED', transient: true }),
    ],
    ['a duplicate already in progress', new IdempotencyAlreadyInProgressError('in progress')],
    [
      'a throttled AWS call',
      sdkError('ThrottlingException', { $fault: 'client', $retryable: { throttling: true } }),
    ],
    ['an AWS server fault', sdkError('InternalServerError', { $fault: 'server' })],
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
  ])('treats %s as transient', (_, error) => {
    expect(isTransientError(error)).toBe(true);
  });

  it.each([
    ['a business error', Object.assign(new Error('out of stock'), { code: 'OUT_OF_STOCK' })],
    ['an unhandled message', new CantHandleError('no handler')],
    [
      'a schema violation',
      (() => {
        try {
          Charge.parse({ amount: 'x' });
        } catch (error) {
          return error;
        }
        return undefined;
      })() as MessageValidationError,
    ],
    ['an AWS client fault', sdkError('ValidationException', { $fault: 'client' })],
    ['a thrown string', 'boom'],
  ])('answers %s instead of retrying', (_, error) => {
    expect(isTransientError(error)).toBe(false);
  });
});
