import { formatOrderRun } from './format-order-run.js';
import { formatSummary } from './format-summary.js';
import type { DemoReport } from './run-demo.js';
import type { TextStyle } from './text-style.js';

/**
 * Everything `npm start` prints: what runs, one block per order (blank line between), then the summary.
 *
 * @example
 * ```ts
 * console.log(formatDemoReport(report, textStyle(false)).join('\n'));
 * ```
 */
export function formatDemoReport(report: DemoReport, style: TextStyle): string[] {
  const intro = [
    style.bold(`agentbridge · the order system, end to end · target ${report.target}`),
    style.dim(
      `${report.runs.length} orders, arriving a few ms apart and running concurrently. One block per order:`,
    ),
    style.dim('time since its OrderRequested, lane, step, result, details.'),
    style.dim(
      'Lanes: saga (order-saga steps), undo (compensations), event (saga outcome), trigger (sent to the lifecycle),',
    ),
    style.dim(
      'state (order-lifecycle transitions), action (post-transition work), notify (recorded email/SMS).',
    ),
    style.dim(
      "Last, outbox: the order's stored domain events, as the outbox published them on domain.<type>.",
    ),
  ];
  const blocks = report.runs.flatMap((run) => ['', ...formatOrderRun(run, style)]);
  return [...intro, ...blocks, '', ...formatSummary(report.summary, report, style)];
}
