import { describe, expect, it } from 'vitest';
import { billedStandardTransitions } from '../../../local/cost/standard-transitions.js';
import type { ExecutionHistoryEvent } from '../../../local/stepfunctions/local-execution.js';

const event = (type: string, stateName?: string): ExecutionHistoryEvent => ({
  type,
  timestamp: 0,
  ...(stateName === undefined ? {} : { stateName }),
});

describe('the Standard transitions AWS bills for an execution', () => {
  it('counts every state entered, whatever its type, and every retry once more', () => {
    const history = [
      event('ExecutionStarted'),
      event('StateEntered', 'Resume'), // Choice
      event('StateExited', 'Resume'),
      event('StateEntered', 'Charge'), // Task, failed twice and retried twice
      event('StateFailed', 'Charge'),
      event('StateRetried', 'Charge'),
      event('StateFailed', 'Charge'),
      event('StateRetried', 'Charge'),
      event('StateFailed', 'Charge'),
      event('StateCaught', 'Charge'),
      event('StateExited', 'Charge'),
      event('StateEntered', 'FailedAtCharge'), // Pass
      event('StateExited', 'FailedAtCharge'),
      event('StateEntered', 'SagaAborted'), // Fail
      event('ExecutionFailed'),
    ];
    expect(billedStandardTransitions(history)).toBe(4 + 2);
  });

  it('counts nothing for the execution start and end alone', () => {
    expect(billedStandardTransitions([event('ExecutionStarted'), event('ExecutionSucceeded')])).toBe(0);
  });
});
