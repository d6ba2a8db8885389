import { DEFAULT_QUOTAS as QUOTAS } from './default-quotas.js';
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

/** The quotas, the first one to bind, and what the target of 150,000 messages a second would take. */
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

const TARGET_MESSAGES_PER_SECOND = 150_000;

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
  const hotWrite = hottestSharedItem(run, 'write');
  const hotRead = hottestSharedItem(run, 'read');
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
    row(
      'EventBridge PutEvents (one entry a call, the worst case)',
      QUOTAS.putEvents,
      'requests/s',
      rates.busEntries,
    ),
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
      `DynamoDB partition writes (hottest item shared by orders: ${hotWrite.key}, each order that writes it)`,
      QUOTAS.partitionWcu,
      'WCU/s',
      hotWrite.units,
      false,
    ),
    row(
      `DynamoDB partition reads (hottest item shared by orders: ${hotRead.key}, each order that reads it)`,
      QUOTAS.partitionRcu,
      'RCU/s',
      hotRead.units,
      false,
    ),
  ];
  const binding = [...rows].sort((a, b) => a.ordersPerSecond - b.ordersPerSecond)[0] ?? rows[0];
  if (binding === undefined) throw new Error('no quota rows');
  const ordersForTarget = TARGET_MESSAGES_PER_SECOND / rates.busEntries;
  const raises = rows
    .filter((r) => r.ordersPerSecond < ordersForTarget)
    .map((r) => {
      const needed = r.perOrder * ordersForTarget;
      return r.adjustable
        ? `${r.quota}: ${Math.ceil(needed).toLocaleString('en-US')} ${r.unit} (×${(needed / r.limit).toFixed(1)} the default)`
        : `${r.quota}: not adjustable; spread the item over ${Math.ceil(needed / r.limit)} keys (sharding)`;
    });
  return {
    rows,
    binding,
    messagesPerOrder: rates.busEntries,
    target: { messagesPerSecond: TARGET_MESSAGES_PER_SECOND, ordersPerSecond: ordersForTarget, raises },
  };
}

/**
 * The item shared by the most orders' units of one kind: per item, the units one order spends on it (an item
 * only one order touches, its own stream or charge, never limits how many orders run side by side).
 */
function hottestSharedItem(run: OrderRunMeasurement, kind: 'read' | 'write'): { key: string; units: number } {
  const keyUnits = new Map<string, { units: number; orders: Set<string> }>();
  for (const record of run.capacity) {
    if (record.kind !== kind) continue;
    for (const key of record.keys) {
      const id = `${record.table.replace('agentbridge-', '')} ${key}`;
      const entry = keyUnits.get(id) ?? { units: 0, orders: new Set<string>() };
      entry.units += record.units / record.keys.length;
      if (record.correlationId !== undefined) entry.orders.add(record.correlationId);
      keyUnits.set(id, entry);
    }
  }
  const [key, units] = [...keyUnits]
    .filter(([, entry]) => entry.orders.size > 1)
    .map(([id, entry]) => [id, entry.units / entry.orders.size] as const)
    .sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
  return { key, units };
}
