import { describe, expect, it } from 'vitest';
import { apiHistory } from '../../../../local/cloud/states/history-events.js';
import type { ExecutionHistoryEvent } from '../../../../local/stepfunctions/local-execution.js';

const state = (type: string, extra: Partial<ExecutionHistoryEvent> = {}): ExecutionHistoryEvent => ({
  type,
  timestamp: Date.UTC(2026, 11, 1),
  stateName: 'Charge',
  stateType: 'Task',
  ...extra,
});

describe('GetExecutionHistory from the engine history', () => {
  it("writes a Task's retry as its next attempt scheduled, and a catch as the state exited after the failure", () => {
    const types = apiHistory(
      [
        state('StateEntered'),
        state('StateFailed', { error: 'TransientError', cause: 'blip' }),
        state('StateRetried'),
        state('StateFailed', { error: 'PaymentDeclinedError', cause: 'no' }),
        state('StateCaught'),
        state('StateExited'),
      ],
      'arn:aws:iam::000000000000:role/machine',
    ).map((event) => event.type);
    expect(types).toEqual([
      'TaskStateEntered',
      'TaskFailed',
      'TaskScheduled',
      'TaskFailed',
      'TaskStateExited',
    ]);
  });
});
