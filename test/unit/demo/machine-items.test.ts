import { describe, expect, it } from 'vitest';
import { machineItems } from '../../../local/demo/machine-items.js';
import type { ExecutionHistoryEvent } from '../../../local/stepfunctions/local-execution.js';

const at = (
  timestamp: number,
  type: string,
  stateName?: string,
  extra: Partial<ExecutionHistoryEvent> = {},
): ExecutionHistoryEvent => ({
  type,
  timestamp,
  ...(stateName === undefined ? {} : { stateName }),
  ...extra,
});

const steps = (items: ReturnType<typeof machineItems>) =>
  items.flatMap((item) => (item.kind === 'event' && item.event.kind === 'step' ? [item.event] : []));

describe('machineItems', () => {
  it('turns each traced Task state that exited into an ok step timed from its entry, and marks publications', () => {
    const items = machineItems('saga', [
      at(100, 'ExecutionStarted'),
      at(101, 'StateEntered', 'ValidateUser'),
      at(102, 'StateExited', 'ValidateUser'),
      at(102, 'StateEntered', 'Remember'),
      at(102, 'StateExited', 'Remember'),
      at(102, 'StateEntered', 'PublishOrderCompleted'),
      at(103, 'StateExited', 'PublishOrderCompleted'),
      at(104, 'ExecutionSucceeded'),
    ]);
    expect(items).toEqual([
      {
        kind: 'event',
        event: {
          kind: 'step',
          at: 101,
          machine: 'saga',
          state: 'ValidateUser',
          role: 'step',
          status: 'ok',
          retries: 0,
        },
      },
      { kind: 'publish' },
      { kind: 'event', event: { kind: 'execution', at: 104, machine: 'saga', status: 'SUCCEEDED' } },
    ]);
  });

  it('reports a caught business error as a failed step with its error and cause', () => {
    const [charge, release] = steps(
      machineItems('saga', [
        at(1, 'StateEntered', 'ChargePayment'),
        at(2, 'StateFailed', 'ChargePayment', {
          error: 'PaymentDeclinedError',
          cause: 'declined: card-declined',
        }),
        at(2, 'StateCaught', 'ChargePayment'),
        at(2, 'StateExited', 'ChargePayment'),
        at(3, 'StateEntered', 'ReleaseInventory'),
        at(4, 'StateExited', 'ReleaseInventory'),
      ]),
    );
    expect(charge).toEqual({
      kind: 'step',
      at: 1,
      machine: 'saga',
      state: 'ChargePayment',
      role: 'step',
      status: 'failed',
      retries: 0,
      error: 'PaymentDeclinedError',
      cause: 'declined: card-declined',
    });
    expect(release).toMatchObject({ state: 'ReleaseInventory', role: 'compensation', status: 'ok' });
  });

  it('counts the retries of a step that then succeeded', () => {
    const [step] = steps(
      machineItems('saga', [
        at(1, 'StateEntered', 'ReserveInventory'),
        at(2, 'StateFailed', 'ReserveInventory', { error: 'TransientError', cause: 'throttled' }),
        at(2, 'StateRetried', 'ReserveInventory'),
        at(3, 'StateFailed', 'ReserveInventory', { error: 'TransientError', cause: 'throttled' }),
        at(3, 'StateRetried', 'ReserveInventory'),
        at(5, 'StateExited', 'ReserveInventory'),
      ]),
    );
    expect(step).toMatchObject({ state: 'ReserveInventory', status: 'ok', retries: 2 });
  });

  it('closes a step that failed without a Catch when the execution fails', () => {
    const items = machineItems('lifecycle', [
      at(1, 'StateEntered', 'RefundOrder'),
      at(2, 'StateFailed', 'RefundOrder', { error: 'States.Timeout', cause: 'too slow' }),
      at(3, 'ExecutionFailed', undefined, { error: 'States.Timeout', cause: 'too slow' }),
    ]);
    expect(
      items.map((item) =>
        item.kind === 'event' ? [item.event.kind, 'status' in item.event ? item.event.status : ''] : [],
      ),
    ).toEqual([
      ['step', 'failed'],
      ['execution', 'FAILED'],
    ]);
  });

  it('marks where the lifecycle starts waiting and leaves out a wait still open when it was stopped', () => {
    const items = machineItems('lifecycle', [
      at(1, 'StateEntered', 'AwaitPayment'),
      at(9, 'ExecutionAborted'),
    ]);
    expect(items).toEqual([
      { kind: 'wait' },
      { kind: 'event', event: { kind: 'execution', at: 9, machine: 'lifecycle', status: 'ABORTED' } },
    ]);
  });

  it('marks a wait that enters its state as its state change put on the bus, then the wait', () => {
    const items = machineItems('lifecycle', [
      at(1, 'StateEntered', 'AwaitDelivery'),
      at(9, 'ExecutionAborted'),
    ]);
    expect(items).toEqual([
      { kind: 'publish' },
      { kind: 'wait' },
      { kind: 'event', event: { kind: 'execution', at: 9, machine: 'lifecycle', status: 'ABORTED' } },
    ]);
  });

  it('reports a wait that timed out as a failed wait step', () => {
    const [wait] = steps(
      machineItems('lifecycle', [
        at(1, 'StateEntered', 'AwaitPayment'),
        at(5, 'StateFailed', 'AwaitPayment', { error: 'States.HeartbeatTimeout', cause: 'no heartbeat' }),
        at(5, 'StateCaught', 'AwaitPayment'),
        at(5, 'StateExited', 'AwaitPayment'),
      ]),
    );
    expect(wait).toMatchObject({ role: 'wait', status: 'failed', error: 'States.HeartbeatTimeout' });
  });
});
