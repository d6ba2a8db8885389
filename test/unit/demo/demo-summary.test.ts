import { describe, expect, it } from 'vitest';
import { summarizeRuns } from '../../../local/demo/demo-summary.js';
import { formatSummary } from '../../../local/demo/format-summary.js';
import { textStyle } from '../../../local/demo/text-style.js';
import { bareRun, declinedRun, deliveredRun, scenarioOrder } from './order-run-fixtures.js';

describe('summarizeRuns', () => {
  const runs = [
    deliveredRun({ latencyMs: 10 }),
    bareRun(scenarioOrder('o-1002'), 'delivered', 30),
    bareRun(scenarioOrder('o-1003'), 'delivered', 20),
    declinedRun({ latencyMs: 4 }),
  ];

  it('counts orders by outcome next to what the scenario expects, with latency percentiles per outcome', () => {
    const summary = summarizeRuns(runs);
    expect(summary.outcomes).toEqual([
      { outcome: 'delivered', actual: 3, expected: 3, latency: { p50: 20, p99: 30, max: 30 } },
      { outcome: 'declined', actual: 1, expected: 1, latency: { p50: 4, p99: 4, max: 4 } },
    ]);
    expect(summary.latency).toEqual({ p50: 10, p99: 30, max: 30 });
    expect(summary.mismatches).toEqual([]);
  });

  it('counts compensations, notifications and rejected triggers from the traces', () => {
    const summary = summarizeRuns(runs);
    expect(summary.compensations).toBe(1);
    expect(summary.notifications).toBe(1);
    expect(summary.rejectedTriggers).toBe(0);
  });

  it('lists every order that ended otherwise than expected, or with a problem', () => {
    const summary = summarizeRuns([
      deliveredRun({ outcome: 'cancelled' }),
      declinedRun({ problem: 'stalled' }),
    ]);
    expect(summary.mismatches).toEqual([
      { orderId: 'o-1001', expected: 'delivered', actual: 'cancelled' },
      { orderId: 'o-1005', expected: 'declined', actual: 'declined', problem: 'stalled' },
    ]);
    expect(summary.outcomes.map((row) => [row.outcome, row.actual, row.expected])).toEqual([
      ['delivered', 0, 1],
      ['cancelled', 1, 0],
      ['declined', 1, 1],
    ]);
  });
});

describe('formatSummary', () => {
  const plain = textStyle(false);

  it('prints an aligned table of outcomes, the totals, what latency means and a verdict', () => {
    const summary = summarizeRuns([deliveredRun({ latencyMs: 10 }), declinedRun({ latencyMs: 4 })]);
    expect(formatSummary(summary, { target: 'in-process', wallMs: 250 }, plain)).toEqual([
      'Summary · 2 orders · target in-process · 250 ms in all',
      '  outcome           orders  expected      p50      p99',
      '  delivered              1         1  10.0 ms  10.0 ms',
      '  payment declined       1         1   4.0 ms   4.0 ms',
      '  all                    2         2   4.0 ms  10.0 ms',
      '  latency: from OrderRequested to the final outcome (OrderFailed, or the last state change)',
      '  compensations 1 · notifications 1 · rejected triggers 0 · max latency 10.0 ms',
      '✓ every order ended as expected',
    ]);
  });

  it('marks a row that differs from the expectation and names the orders in the verdict', () => {
    const summary = summarizeRuns([deliveredRun({ outcome: 'cancelled' })]);
    const lines = formatSummary(summary, { target: 'in-process', wallMs: 5 }, plain);
    expect(lines.filter((line) => line.endsWith('✗'))).toHaveLength(2);
    expect(lines.at(-1)).toBe(
      '✗ 1 of 1 orders did not end as expected: o-1001 cancelled (expected delivered)',
    );
  });
});
