import { describe, expect, it } from 'vitest';
import { traceLines } from '../../../local/demo/trace-line.js';
import { declinedRun, deliveredRun } from './order-run-fixtures.js';

describe('traceLines', () => {
  it('lists a failed saga step, its compensation and OrderFailed, timed from the request', () => {
    const { events, requestedAt } = declinedRun();
    expect(traceLines(events, requestedAt)).toEqual([
      { offsetMs: 0, lane: 'order', what: 'OrderRequested' },
      { offsetMs: 1, lane: 'saga', what: 'ValidateUser', result: 'ok' },
      { offsetMs: 1, lane: 'saga', what: 'CheckInventory', result: 'ok' },
      { offsetMs: 2, lane: 'saga', what: 'ReserveInventory', result: 'ok' },
      {
        offsetMs: 3,
        lane: 'saga',
        what: 'ChargePayment',
        result: 'failed',
        detail: 'PaymentDeclinedError: Payment of 8900 declined: card-declined',
      },
      { offsetMs: 3, lane: 'undo', what: 'ReleaseInventory', result: 'ok' },
      {
        offsetMs: 3,
        lane: 'event',
        what: 'OrderFailed',
        detail: 'at ChargePayment, PaymentDeclinedError, undone: ReleaseInventory',
      },
    ]);
  });

  it('prints state changes, post-transition actions and notifications in the order given', () => {
    const { events, requestedAt } = deliveredRun();
    const lines = traceLines(events, requestedAt).map((line) => `${line.offsetMs} ${line.lane} ${line.what}`);
    expect(lines.slice(4)).toEqual([
      '4 trigger PaymentCompleted',
      '4 state created → paid',
      '4 action StartInventoryProcessing',
      '5 trigger ShippingConfirmed',
      '5 state processing → shipped',
      '5 action NotifyShipped',
      '5 notify email ada@example.com',
      '7 state shipped → delivered',
    ]);
  });

  it('shows a rejected trigger with what the order was waiting for instead', () => {
    const lines = traceLines(
      [
        {
          kind: 'rejected',
          at: 12,
          trigger: 'DeliveryConfirmed',
          state: 'created',
          reason:
            'Order o-1 rejected DeliveryConfirmed in state created: no DeliveryConfirmed is awaited now',
        },
        {
          kind: 'rejected',
          at: 13,
          trigger: 'ProcessingStarted',
          state: 'unknown',
          reason: 'no lifecycle waits',
        },
      ],
      10,
    );
    expect(lines).toEqual([
      {
        offsetMs: 2,
        lane: 'trigger',
        what: 'DeliveryConfirmed',
        result: 'rejected',
        detail: 'the order is created, awaiting PaymentCompleted or OrderCancelled',
      },
      {
        offsetMs: 3,
        lane: 'trigger',
        what: 'ProcessingStarted',
        result: 'rejected',
        detail: 'no lifecycle waits',
      },
    ]);
  });

  it('hides waits that ended normally and executions that succeeded, but shows a failed execution', () => {
    const lines = traceLines(
      [
        {
          kind: 'step',
          at: 1,
          machine: 'lifecycle',
          state: 'AwaitPayment',
          role: 'wait',
          status: 'ok',
          retries: 0,
        },
        { kind: 'execution', at: 2, machine: 'saga', status: 'SUCCEEDED' },
        {
          kind: 'execution',
          at: 3,
          machine: 'lifecycle',
          status: 'FAILED',
          error: 'States.Runtime',
          cause: 'bad path',
        },
      ],
      0,
    );
    expect(lines).toEqual([
      {
        offsetMs: 3,
        lane: 'lifecycle',
        what: 'execution FAILED',
        result: 'failed',
        detail: 'States.Runtime: bad path',
      },
    ]);
  });

  it('mentions the retries a step needed', () => {
    const [line] = traceLines(
      [
        {
          kind: 'step',
          at: 1,
          machine: 'saga',
          state: 'ReserveInventory',
          role: 'step',
          status: 'ok',
          retries: 2,
        },
      ],
      0,
    );
    expect(line?.detail).toBe('(after 2 retries)');
  });
});
