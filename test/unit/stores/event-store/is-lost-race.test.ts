import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { isLostRace } from '../../../../lambdas/stores/event-store/dynamodb/is-lost-race.js';

const cancelled = (reasons: { Code?: string }[] | undefined) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    ...(reasons === undefined ? {} : { CancellationReasons: reasons }),
  });

describe('isLostRace (event store appends)', () => {
  it('is a lost race for a failed condition or a conflicting transaction on the stream', () => {
    expect(isLostRace(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }))).toBe(true);
    expect(isLostRace(cancelled([{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }]))).toBe(true);
    expect(isLostRace(cancelled([{ Code: 'TransactionConflict' }]))).toBe(true);
  });

  it.each([
    ['no cancellation reasons', undefined],
    ['an empty list of reasons', []],
    ['only "None" reasons', [{ Code: 'None' }, {}]],
    [
      'a throttled item among failed conditions',
      [{ Code: 'ConditionalCheckFailed' }, { Code: 'ThrottlingError' }],
    ],
  ])('is a fault, not a lost race, for a cancellation with %s', (_, reasons) => {
    expect(isLostRace(cancelled(reasons))).toBe(false);
  });
});
