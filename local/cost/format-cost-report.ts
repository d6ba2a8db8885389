import type { BillLine, OrderRates } from './order-bill.js';
import { ASSUMPTIONS, PRICES_AS_OF } from './prices.js';
import type { CapacityReport } from './quota-capacity.js';

/** What the report says about where its figures came from. */
export interface ReportContext {
  readonly orders: number;
  readonly templateFrom: string;
  readonly commit: string;
  readonly mismatches: number;
}

const usd = (value: number) => value.toFixed(2).padStart(9);
const rate = (value: number) =>
  Number.isFinite(value) ? Math.floor(value).toLocaleString('en-US').padStart(11) : '  unlimited';
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/** The text report: the bill by service, what was measured and assumed, the capacity at the default quotas. */
export function formatCostReport(
  lines: readonly BillLine[],
  rates: OrderRates,
  capacity: CapacityReport,
  context: ReportContext,
): string {
  const total = lines.reduce((sum, line) => sum + line.usdPerMillion, 0);
  const width = Math.max(...lines.map((line) => line.service.length), 'total'.length);
  const out = [
    `Cost per million delivered orders · us-east-1 list prices of ${PRICES_AS_OF} · commit ${context.commit}`,
    `  ${'service'.padEnd(width)}  USD / M   per delivered order`,
    ...lines.map((line) => `  ${line.service.padEnd(width)}  ${usd(line.usdPerMillion)}   ${line.basis}`),
    `  ${'total'.padEnd(width)}  ${usd(total)}`,
    '',
    `Measured on a scripted run of ${context.orders} delivered orders (npm start's order system, every store also on`,
    `DynamoDB Local with ReturnConsumedCapacity; ${context.mismatches} store calls answered differently there): invocations`,
    'per function, state transitions per machine (states entered and retries, as AWS bills them), bus entries and sizes, WRU/RRU by table, Powertools idempotency',
    'records (written by the real persistence layer). From the template',
    `(${context.templateFrom}): memory, architecture, machine types, log levels, tracing, stream filters.`,
    `Assumed: ${ASSUMPTIONS.lambdaDurationMs} ms per Lambda invocation, ${ASSUMPTIONS.lambdaLogBytes} B of logs per invocation,`,
    `${ASSUMPTIONS.machineLogEventBytes} B per logged machine event (+${ASSUMPTIONS.machineLogDataBytes} B with execution data), X-Ray sampling ${ASSUMPTIONS.xraySampledFraction * 100} %,`,
    `one stream record per consumer invocation. Fixed monthly costs (alarms, dashboard, metrics) are not per order.`,
    '',
    `Capacity at the default quotas (us-east-1), ${rates.busEntries.toFixed(1)} bus messages per order`,
    `  ${'orders/s'.padStart(11)}  quota (default limit; use per order)`,
    ...capacity.rows.map(
      (row) =>
        `  ${rate(row.ordersPerSecond)}  ${row.quota} (${row.limit.toLocaleString('en-US')} ${row.unit}; ${Number(row.perOrder.toPrecision(3)).toLocaleString('en-US')} per order/s)`,
    ),
    `First to bind: ${capacity.binding.quota} at ${rate(capacity.binding.ordersPerSecond).trim()} orders/s ≈ ${Math.floor(capacity.binding.ordersPerSecond * capacity.messagesPerOrder).toLocaleString('en-US')} messages/s.`,
    `${capacity.target.messagesPerSecond.toLocaleString('en-US')} messages/s = ${Math.ceil(capacity.target.ordersPerSecond).toLocaleString('en-US')} orders/s; it takes:`,
    ...capacity.target.raises.map((raise) => `  - ${raise}`),
  ];
  return `${out.join('\n')}\n`;
}

/** The JSON lines of `npm run cost -- --json`: `{"name","value","unit"}`. */
export function costJsonLines(lines: readonly BillLine[], capacity: CapacityReport): string {
  const total = lines.reduce((sum, line) => sum + line.usdPerMillion, 0);
  const results = [
    ...lines.map((line) => ({
      name: `cost.${slug(line.service)}.usd_per_million`,
      value: line.usdPerMillion,
      unit: 'USD',
    })),
    { name: 'cost.per_million_delivered_orders.usd', value: total, unit: 'USD' },
    ...capacity.rows.map((row) => ({
      name: `capacity.${slug(row.quota.replace(/\(.*\)/, ''))}.orders_per_s`,
      value: row.ordersPerSecond,
      unit: 'orders/s',
    })),
    {
      name: 'capacity.first_binding.orders_per_s',
      value: capacity.binding.ordersPerSecond,
      unit: 'orders/s',
    },
    {
      name: 'capacity.first_binding.messages_per_s',
      value: capacity.binding.ordersPerSecond * capacity.messagesPerOrder,
      unit: 'messages/s',
    },
  ];
  return `${results.map((r) => JSON.stringify({ name: r.name, value: Number.isFinite(r.value) ? Number(r.value.toPrecision(6)) : null, unit: r.unit })).join('\n')}\n`;
}
