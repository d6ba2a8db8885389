import type { OrderRates } from './order-bill.js';
import { ASSUMPTIONS } from './prices.js';
import type { OrderRunMeasurement } from './scripted-order-run.js';
import type { TemplateCostInputs } from './template-cost-inputs.js';

/** One default quota (us-east-1) and how many delivered orders a second it allows. */
export interface QuotaRow {
  readonly quota: string;
  readonly limit: number;
  readonly unit: string;
  /** How much of the quota one delivered order uses (per second of orders, or open executions per order/s). */
  readonly perOrder: number;
  readonly ordersPerSecond: number;
  /** Whether AWS raises it on request (a soft quota) or not. */
  readonly adjustable: boolean;
}

/** The quotas, the first one to bind, and what the seed's 150,000 messages a second would take. */
export interface CapacityReport {
  readonly rows: readonly QuotaRow[];
  readonly binding: QuotaRow;
  readonly messagesPerOrder: number;
  readonly target: {
    readonly messagesPerSecond: number;
    readonly ordersPerSecond: number;
    readonly raises: readonly string[];
  };
}

/** us-east-1 default quotas, as the AWS service quotas pages list them on the prices' date. */
const QUOTAS = {
  putEvents: 10_000,
  ruleInvocations: 18_750,
  standardStartExecution: 300,
  standardTransitions: 5_000,
  openExecutions: 1_000_000,
  expressStartExecution: 6_000,
  lambdaConcurrency: 1_000,
  partitionWcu: 1_000,
};

const SEED_MESSAGES_PER_SECOND = 150_000;

/**
 * Orders and messages per second before each default quota binds, from the measured rates per delivered
 * order and the template (which machines are Standard, which wait for days on a task token).
 */
export function quotaCapacity(
  rates: OrderRates,
  inputs: TemplateCostInputs,
  run: OrderRunMeasurement,
): CapacityReport {
  const sum = (map: ReadonlyMap<string, number>, names: readonly string[]) =>
    names.reduce((total, name) => total + (map.get(name) ?? 0), 0);
  const standard = inputs.machines.filter((m) => m.type === 'STANDARD').map((m) => m.name);
  const express = inputs.machines.filter((m) => m.type === 'EXPRESS').map((m) => m.name);
  const waiting = inputs.machines
    .filter(
      (m) =>
        m.type === 'STANDARD' && [...m.taskResources.values()].some((r) => r.includes('waitForTaskToken')),
    )
    .map((m) => m.name);
  // Per item: the write units one order spends on it, over the orders that wrote it (an item takes ≤ 1,000 a second).
  const keyUnits = new Map<string, { units: number; orders: Set<string> }>();
  for (const record of run.capacity) {
    if (record.kind !== 'write') continue;
    for (const key of record.keys) {
      const id = `${record.table.replace('agentbridge-', '')} ${key}`;
      const entry = keyUnits.get(id) ?? { units: 0, orders: new Set<string>() };
      entry.units += record.units / record.keys.length;
      if (record.correlationId !== undefined) entry.orders.add(record.correlationId);
      keyUnits.set(id, entry);
    }
  }
  // An item only one order writes (its own stream, its charge) never limits how many orders run side by side.
  const [hotKey, hotUnits] = [...keyUnits]
    .filter(([, entry]) => entry.orders.size > 1)
    .map(([id, entry]) => [id, entry.units / Math.max(entry.orders.size, 1)] as const)
    .sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
  const openSeconds = ASSUMPTIONS.lifecycleOpenDays * 86_400;
  const row = (
    quota: string,
    limit: number,
    unit: string,
    perOrder: number,
    adjustable = true,
  ): QuotaRow => ({
    quota,
    limit,
    unit,
    perOrder,
    ordersPerSecond: perOrder > 0 ? limit / perOrder : Number.POSITIVE_INFINITY,
    adjustable,
  });
  const rows = [
    row('EventBridge PutEvents', QUOTAS.putEvents, 'requests/s', rates.busEntries),
    row(
      'EventBridge rule target invocations',
      QUOTAS.ruleInvocations,
      'invocations/s',
      rates.eventDeliveries,
    ),
    row(
      'Step Functions Standard StartExecution',
      QUOTAS.standardStartExecution,
      'starts/s',
      sum(rates.executionsByMachine, standard),
    ),
    row(
      'Step Functions Standard state transitions',
      QUOTAS.standardTransitions,
      'transitions/s',
      sum(rates.transitionsByMachine, standard),
    ),
    row(
      `Step Functions open Standard executions (${ASSUMPTIONS.lifecycleOpenDays} days from created to delivered, assumed)`,
      QUOTAS.openExecutions,
      'open executions',
      sum(rates.executionsByMachine, waiting) * openSeconds,
    ),
    row(
      'Step Functions Express StartExecution',
      QUOTAS.expressStartExecution,
      'starts/s',
      sum(rates.executionsByMachine, express),
    ),
    row(
      `Lambda concurrency (${ASSUMPTIONS.lambdaDurationMs} ms per invocation, assumed)`,
      QUOTAS.lambdaConcurrency,
      'concurrent executions',
      rates.invocations * (ASSUMPTIONS.lambdaDurationMs / 1_000),
    ),
    row(
      `DynamoDB partition writes (hottest item shared by orders: ${hotKey}, each order that writes it)`,
      QUOTAS.partitionWcu,
      'WCU/s',
      hotUnits,
      false,
    ),
  ];
  const binding = [...rows].sort((a, b) => a.ordersPerSecond - b.ordersPerSecond)[0] ?? rows[0];
  if (binding === undefined) throw new Error('no quota rows');
  const ordersForTarget = SEED_MESSAGES_PER_SECOND / rates.busEntries;
  const raises = rows
    .filter((r) => r.ordersPerSecond < ordersForTarget)
    .map((r) => {
      const needed = r.perOrder * ordersForTarget;
      return r.adjustable
        ? `${r.quota}: ${Math.ceil(needed).toLocaleString('en-US')} ${r.unit} (×${(needed / r.limit).toFixed(1)} the default)`
        : `${r.quota}: not adjustable; spread the writes over ${Math.ceil(needed / r.limit)} keys (write sharding)`;
    });
  return {
    rows,
    binding,
    messagesPerOrder: rates.busEntries,
    target: { messagesPerSecond: SEED_MESSAGES_PER_SECOND, ordersPerSecond: ordersForTarget, raises },
  };
}
