import { describe, expect, it } from 'vitest';
import { formatOrderRun } from '../../../local/demo/format-order-run.js';
import { textStyle } from '../../../local/demo/text-style.js';
import { declinedRun, deliveredRun } from './order-run-fixtures.js';

const plain = textStyle(false);

describe('formatOrderRun', () => {
  it('prints a header, the story, trace lines in fixed-width columns and the verdict', () => {
    expect(formatOrderRun(declinedRun(), plain)).toEqual([
      'o-1005  Alan Turing · 1 × KEYBOARD · 89.00 · card tok_decline',
      '    card token tok_decline always declines: the reservation is released',
      '      +0 ms  order    OrderRequested',
      '      +1 ms  saga     ValidateUser                ok',
      '      +1 ms  saga     CheckInventory              ok',
      '      +2 ms  saga     ReserveInventory            ok',
      '      +3 ms  saga     ChargePayment               failed    PaymentDeclinedError: Payment of 8900 declined: card-declined',
      '      +3 ms  undo     ReleaseInventory            ok',
      '      +3 ms  event    OrderFailed                           at ChargePayment, PaymentDeclinedError, undone: ReleaseInventory',
      '  ✓ payment declined, as expected · 4.2 ms',
    ]);
  });

  it('names the domain events the outbox published in one line before the verdict', () => {
    const lines = formatOrderRun(deliveredRun({ domainEvents: ['OrderCreated', 'OrderPaid'] }), plain);
    expect(lines.at(-2)).toBe('    outbox  OrderCreated · OrderPaid');
  });

  it('prints no outbox line for an order without domain events', () => {
    const lines = formatOrderRun(declinedRun({ domainEvents: [] }), plain);
    expect(lines.some((line) => line.includes('outbox'))).toBe(false);
  });

  it('writes no ANSI escape codes when colour is off', () => {
    const text = formatOrderRun(deliveredRun(), plain).join('\n');
    expect(text).not.toContain('\u001b[');
  });

  it('colours results when colour is on', () => {
    const text = formatOrderRun(declinedRun(), textStyle(true)).join('\n');
    expect(text).toContain('\u001b[31mfailed\u001b[39m');
    expect(text).toContain('\u001b[32mok\u001b[39m');
  });

  it('flags an order that did not end as expected, with the problem', () => {
    const lines = formatOrderRun(deliveredRun({ outcome: 'cancelled', problem: 'stalled in paid' }), plain);
    expect(lines.at(-1)).toBe('  ✗ cancelled, expected delivered · 7.5 ms · stalled in paid');
  });

  it('cuts very long details so a block stays readable', () => {
    const run = declinedRun();
    const long = {
      ...run,
      events: [{ kind: 'trigger' as const, at: run.requestedAt, trigger: 'X', detail: 'y'.repeat(500) }],
    };
    const [, , line] = formatOrderRun(long, plain);
    expect(line?.length).toBeLessThan(180);
    expect(line?.endsWith('…')).toBe(true);
  });
});
