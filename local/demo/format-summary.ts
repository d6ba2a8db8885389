import { alignColumns } from './align-columns.js';
import type { DemoSummary, LatencyStats } from './demo-summary.js';
import { formatDuration } from './format-duration.js';
import { OUTCOME_LABELS } from './order-outcome.js';
import type { TextStyle } from './text-style.js';

const ms = (value: number | undefined): string => (value === undefined ? '–' : formatDuration(value));
const latencyCells = (latency: LatencyStats): string[] => [ms(latency.p50), ms(latency.p99)];

/**
 * The summary block: a table of outcomes (orders, expected, p50, p99), the totals row, what the latency
 * measures, counts of compensations, notifications and rejected triggers, and the verdict.
 *
 * @example
 * ```ts
 * for (const text of formatSummary(summary, { target: 'in-process', wallMs: 412 }, textStyle(false))) console.log(text);
 * // Summary · 20 orders · target in-process · 412 ms in all
 * //   outcome           orders  expected  p50     p99
 * //   delivered             13        13  6.2 ms  12.0 ms
 * //   ...
 * // ✓ every order ended as expected
 * ```
 */
export function formatSummary(
  summary: DemoSummary,
  run: { readonly target: string; readonly wallMs: number },
  style: TextStyle,
): string[] {
  const header = ['outcome', 'orders', 'expected', 'p50', 'p99', ''];
  const rows = summary.outcomes.map((row) => [
    OUTCOME_LABELS[row.outcome],
    String(row.actual),
    String(row.expected),
    ...latencyCells(row.latency),
    row.actual === row.expected ? '' : '✗',
  ]);
  const total = ['all', String(summary.orders), String(summary.orders), ...latencyCells(summary.latency), ''];
  const table = alignColumns([header, ...rows, total], ['left', 'right', 'right', 'right', 'right']);
  const lines = table.map((cells, index) => {
    const text = `  ${cells.join('  ')}`.trimEnd();
    if (index === 0) return style.dim(text);
    if (index === table.length - 1) return style.bold(text);
    return text.endsWith('✗') ? style.bad(text) : text;
  });
  const verdict =
    summary.mismatches.length === 0
      ? style.good('✓ every order ended as expected')
      : style.bad(
          `✗ ${summary.mismatches.length} of ${summary.orders} orders did not end as expected: ${summary.mismatches
            .map(
              (miss) =>
                `${miss.orderId} ${OUTCOME_LABELS[miss.actual]} (expected ${OUTCOME_LABELS[miss.expected]}${miss.problem === undefined ? '' : `; ${miss.problem}`})`,
            )
            .join(', ')}`,
        );
  return [
    style.bold(
      `Summary · ${summary.orders} orders · target ${run.target} · ${formatDuration(run.wallMs)} in all`,
    ),
    ...lines,
    style.dim('  latency: from OrderRequested to the final outcome (OrderFailed, or the last state change)'),
    `  compensations ${summary.compensations} · notifications ${summary.notifications} · rejected triggers ${summary.rejectedTriggers} · max latency ${ms(summary.latency.max)}`,
    verdict,
  ];
}
