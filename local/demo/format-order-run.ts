import { orderTotal } from '../../lambdas/contracts/order/order-total.js';
import type { OrderLine } from '../../lambdas/contracts/order/order-values.js';
import { alignColumns } from './align-columns.js';
import { formatDuration } from './format-duration.js';
import { formatMoney } from './format-money.js';
import { OUTCOME_LABELS } from './order-outcome.js';
import { type OrderRun, runAsExpected } from './order-run.js';
import type { TextStyle } from './text-style.js';
import { type TraceLine, traceLines } from './trace-line.js';

const INDENT = '    ';
/** Offset, lane, what, result: wide enough for the usual content, so blocks line up with each other. */
const MIN_WIDTHS = [7, 7, 26, 8];
/** Long causes (stack-like messages) are cut so a block stays one screen wide. */
const MAX_DETAIL = 110;

const items = (lines: readonly OrderLine[]): string =>
  lines.map((line) => `${line.quantity} × ${line.sku}`).join(', ');

const clip = (text: string): string =>
  text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;

const result = (line: TraceLine, style: TextStyle): string => {
  switch (line.result) {
    case 'ok':
      return style.good('ok');
    case 'failed':
      return style.bad('failed');
    case 'rejected':
      return style.warn('rejected');
    default:
      return '';
  }
};

/**
 * One order as a block of text: a header (id, customer, items, total, card), what the order demonstrates,
 * its trace in aligned columns (offset from OrderRequested, lane, what, result, details), one line naming the
 * domain events the outbox published for it (when there were any), and a verdict line comparing the outcome
 * with the expected one.
 *
 * @example
 * ```ts
 * for (const text of formatOrderRun(run, textStyle(false))) console.log(text);
 * // o-1005  Alan Turing · 1 × KEYBOARD · 89.00 · card tok_decline
 * //     card token tok_decline always declines: the reservation is released
 * //     +0 ms  order    OrderRequested
 * //     +2 ms  saga     ChargePayment     failed  PaymentDeclinedError: Payment of 8900 declined: card-declined
 * //     ...
 * //   ✓ payment declined, as expected · 3.1 ms
 * ```
 */
export function formatOrderRun(run: OrderRun, style: TextStyle): string[] {
  const { order } = run;
  const facts = [
    run.customer,
    items(order.items),
    formatMoney(orderTotal(order.items)),
    `card ${order.cardToken}`,
  ];
  const header = `${style.bold(order.orderId)}  ${facts.join(' · ')}`;
  const lines = traceLines(run.events, run.requestedAt);
  const rows = alignColumns(
    lines.map((line) => [`+${Math.round(line.offsetMs)} ms`, line.lane, line.what, line.result ?? '', '']),
    ['right'],
    MIN_WIDTHS,
  );
  const body = rows.map((cells, index) => {
    const line = lines[index] as TraceLine;
    const [offset = '', lane = '', what = '', outcome = ''] = cells;
    const styledOutcome = outcome.replace(line.result ?? '', result(line, style));
    const detail = line.detail === undefined ? '' : `  ${style.dim(clip(line.detail))}`;
    return `${INDENT}${style.dim(offset)}  ${lane}  ${what}  ${styledOutcome}${detail}`.trimEnd();
  });
  const label = OUTCOME_LABELS[run.outcome];
  const took = formatDuration(run.latencyMs);
  const verdict = runAsExpected(run)
    ? `  ${style.good('✓')} ${label}, as expected · ${took}`
    : `  ${style.bad('✗')} ${style.bad(label)}, expected ${OUTCOME_LABELS[order.expected]} · ${took}${run.problem === undefined ? '' : ` · ${run.problem}`}`;
  const published = run.domainEvents ?? [];
  const outbox = published.length === 0 ? [] : [`${INDENT}${style.dim(`outbox  ${published.join(' · ')}`)}`];
  return [header, `${INDENT}${style.dim(order.story)}`, ...body, ...outbox, verdict];
}
