import { describe, expect, it } from 'vitest';
import {
  acceptsFencingToken,
  FENCED_WRITE_SET_ACTION,
  fencedWriteCondition,
} from '../../../../lambdas/stores/locks/fenced-write-condition.js';
import { InvalidLockRequestError } from '../../../../lambdas/stores/locks/lock-error.js';

describe('fencedWriteCondition', () => {
  it('rejects a stale token inside the condition expression and lets the same token write again', () => {
    expect(fencedWriteCondition(7)).toEqual({
      ConditionExpression: 'attribute_not_exists(#lastFencingToken) OR #lastFencingToken <= :fencingToken',
      ExpressionAttributeNames: { '#lastFencingToken': 'lastFencingToken' },
      ExpressionAttributeValues: { ':fencingToken': 7 },
    });
    expect(FENCED_WRITE_SET_ACTION).toBe('#lastFencingToken = :fencingToken');
  });

  it('names a custom token attribute through the same placeholder', () => {
    expect(fencedWriteCondition(3, 'fence').ExpressionAttributeNames).toEqual({
      '#lastFencingToken': 'fence',
    });
  });

  it.each([0, -1, 1.5, Number.NaN, 2 ** 53])('rejects the token %s with a typed error', (token) => {
    expect(() => fencedWriteCondition(token)).toThrowError(
      expect.objectContaining({ code: 'INVALID_LOCK_REQUEST', field: 'fencingToken' }),
    );
  });
});

describe('acceptsFencingToken (the same rule in memory)', () => {
  it.each([
    [undefined, 1, true],
    [4, 5, true],
    [5, 5, true],
    [6, 5, false],
  ])('after token %s, a write with token %s is accepted: %s', (last, token, accepted) => {
    expect(acceptsFencingToken(last, token)).toBe(accepted);
  });

  it('rejects a malformed token before comparing', () => {
    let thrown: unknown;
    try {
      acceptsFencingToken(undefined, 0);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidLockRequestError);
  });
});
