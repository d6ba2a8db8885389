import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { engineHistoryOf } from '../../../local/demo/engine-history.js';
import { machineItems } from '../../../local/demo/machine-items.js';

let clock = 0;
const at = (type: string, details: Partial<HistoryEvent> = {}): HistoryEvent => ({
  type: type as HistoryEvent['type'],
  timestamp: new Date(Date.UTC(2026, 11, 1) + ++clock * 10),
  id: clock,
  ...details,
});
const entered = (name: string) => at('TaskStateEntered', { stateEnteredEventDetails: { name } });
const exited = (name: string) => at('TaskStateExited', { stateExitedEventDetails: { name } });
const failed = (error: string) =>
  at('LambdaFunctionFailed', { lambdaFunctionFailedEventDetails: { error, cause: `${error}!` } });

const steps = (events: HistoryEvent[]) =>
  machineItems('saga', engineHistoryOf(events)).flatMap((item) =>
    item.kind === 'event' && item.event.kind === 'step'
      ? [[item.event.state, item.event.status, item.event.retries, item.event.error]]
      : [],
  );

describe('an execution history from GetExecutionHistory, as the trace reads it', () => {
  it('shows a step retried after a failed attempt and then done as ok, with its retry and the error it overcame', () => {
    const history = [
      at('ExecutionStarted'),
      entered('ChargePayment'),
      at('LambdaFunctionScheduled'),
      failed('PaymentGatewayTimeout'),
      at('LambdaFunctionScheduled'),
      at('LambdaFunctionSucceeded'),
      exited('ChargePayment'),
      at('ExecutionSucceeded'),
    ];
    expect(steps(history)).toEqual([['ChargePayment', 'ok', 1, 'PaymentGatewayTimeout']]);
  });

  it('shows a step left after a failure (a Catch) as failed with its error, and what ran after it', () => {
    const history = [
      entered('ChargePayment'),
      at('LambdaFunctionScheduled'),
      failed('PaymentDeclinedError'),
      exited('ChargePayment'),
      entered('ReleaseInventory'),
      at('LambdaFunctionScheduled'),
      exited('ReleaseInventory'),
      at('ExecutionSucceeded'),
    ];
    expect(steps(history)).toEqual([
      ['ChargePayment', 'failed', 0, 'PaymentDeclinedError'],
      ['ReleaseInventory', 'ok', 0, undefined],
    ]);
  });

  it('ends with the execution, failed with its error when it failed', () => {
    const history = [
      entered('ValidateUser'),
      failed('UserNotFoundError'),
      at('ExecutionFailed', { executionFailedEventDetails: { error: 'UserNotFoundError', cause: 'no u-1' } }),
    ];
    const items = machineItems('saga', engineHistoryOf(history));
    expect(items.at(-1)).toMatchObject({
      kind: 'event',
      event: { kind: 'execution', status: expect.any(String) },
    });
    expect(steps(history)).toEqual([['ValidateUser', 'failed', 0, 'UserNotFoundError']]);
  });
});
