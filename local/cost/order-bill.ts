import { matchEventPattern } from '../../lambdas/runtime/event-pattern/match-event-pattern.js';
import { ASSUMPTIONS, PRICES } from './prices.js';
import type { OrderRunMeasurement } from './scripted-order-run.js';
import { billedStandardTransitions } from './standard-transitions.js';
import type { TemplateCostInputs, TemplateMachine } from './template-cost-inputs.js';

/** One service's share of the bill per million delivered orders, with what it was computed from. */
export interface BillLine {
  readonly service: string;
  readonly usdPerMillion: number;
  /** Per delivered order: the measured quantities and the assumptions used, in words. */
  readonly basis: string;
}

/** The rates per delivered order the bill and the capacity report share. */
export interface OrderRates {
  readonly invocationsByFunction: ReadonlyMap<string, number>;
  readonly invocations: number;
  readonly eventDeliveries: number;
  readonly busEntries: number;
  readonly busChunks: number;
  readonly executionsByMachine: ReadonlyMap<string, number>;
  readonly transitionsByMachine: ReadonlyMap<string, number>;
  readonly taskStatesByMachine: ReadonlyMap<string, number>;
  readonly sqsRequests: number;
  readonly wru: number;
  readonly rru: number;
  readonly wruByTable: ReadonlyMap<string, number>;
  readonly idempotencyWru: number;
  readonly loggedMachineEvents: ReadonlyMap<string, number>;
}

const add = (map: Map<string, number>, key: string, value: number) =>
  map.set(key, (map.get(key) ?? 0) + value);
const perOrder = (map: Map<string, number>, orders: number) =>
  new Map([...map].map(([key, value]) => [key, value / orders]));

const machineOf = (inputs: TemplateCostInputs, local: string): TemplateMachine | undefined =>
  inputs.machines.find((machine) => machine.name === local || machine.name.endsWith(`-${local}`));

/** ERROR logs only the events of failures; FATAL only failed executions; ALL every history event. */
const logged = (level: string, type: string): boolean =>
  level === 'ALL' ||
  (level === 'ERROR' && /Failed|TimedOut|Aborted/.test(type)) ||
  (level === 'FATAL' && /^Execution(Failed|TimedOut|Aborted)$/.test(type));

/**
 * Per delivered order, from the scripted run and the template: invocations per function (the stream
 * consumers' from the event store items the run inserted, through each mapping's filter), bus entries and
 * their 64 KB chunks, executions, transitions (as AWS bills them: {@link billedStandardTransitions}) and task states per
 * machine, SQS requests from `sqs:sendMessage` tasks, DynamoDB units by table, and machine log events.
 */
export function orderRates(run: OrderRunMeasurement, inputs: TemplateCostInputs): OrderRates {
  const invocations = new Map<string, number>();
  for (const invocation of run.invocations) add(invocations, invocation.agentType, 1);
  for (const consumer of inputs.streamConsumers) {
    const records = run.written
      .filter((written) => written.table === consumer.table)
      .filter((written) => {
        const record = { eventName: 'INSERT', dynamodb: { NewImage: written.item } };
        return (
          consumer.filterPatterns.length === 0 ||
          consumer.filterPatterns.some((p) => matchEventPattern(p, record))
        );
      }).length;
    add(invocations, consumer.agentType, records / ASSUMPTIONS.streamRecordsPerInvocation);
  }
  const busTypes = new Set(run.busEvents.map((event) => event.type));
  const executions = new Map<string, number>();
  const transitions = new Map<string, number>();
  const tasks = new Map<string, number>();
  const loggedEvents = new Map<string, number>();
  let sqs = 0;
  for (const execution of run.executions) {
    const machine = machineOf(inputs, execution.machine);
    const name = machine?.name ?? execution.machine;
    add(executions, name, 1);
    add(transitions, name, billedStandardTransitions(execution.history));
    for (const event of execution.history) {
      const resource =
        event.stateName === undefined ? undefined : machine?.taskResources.get(event.stateName);
      if (event.type === 'StateEntered' && resource !== undefined) {
        add(tasks, name, 1);
        if (resource.includes(':sqs:sendMessage')) sqs += 1;
      }
      if (logged(machine?.logLevel ?? 'OFF', event.type)) add(loggedEvents, name, 1);
    }
  }
  const wruByTable = new Map<string, number>();
  let rru = 0;
  for (const record of run.capacity) {
    if (record.kind === 'write') add(wruByTable, record.table, record.units);
    else rru += record.units;
  }
  const wru = [...wruByTable.values()].reduce((sum, units) => sum + units, 0);
  const orders = run.orders;
  return {
    invocationsByFunction: perOrder(invocations, orders),
    invocations: [...invocations.values()].reduce((sum, n) => sum + n, 0) / orders,
    eventDeliveries:
      run.invocations.filter((invocation) => busTypes.has(invocation.messageType)).length / orders,
    busEntries: run.busEvents.length / orders,
    busChunks: run.busEvents.reduce((sum, event) => sum + Math.ceil(event.bytes / 65_536), 0) / orders,
    executionsByMachine: perOrder(executions, orders),
    transitionsByMachine: perOrder(transitions, orders),
    taskStatesByMachine: perOrder(tasks, orders),
    sqsRequests: sqs / orders,
    wru: wru / orders,
    rru: rru / orders,
    wruByTable: perOrder(wruByTable, orders),
    idempotencyWru: (wruByTable.get('agentbridge-idempotency') ?? 0) / orders,
    loggedMachineEvents: perOrder(loggedEvents, orders),
  };
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const M = 1_000_000;

/**
 * The bill per million delivered orders by service, at {@link PRICES}, from the rates and the template.
 *
 * @example
 * ```ts
 * const lines = orderBill(orderRates(run, inputs), inputs);
 * ```
 */
export function orderBill(rates: OrderRates, inputs: TemplateCostInputs): BillLine[] {
  const lines: BillLine[] = [];
  const standard = inputs.machines.filter((machine) => machine.type === 'STANDARD');
  const express = inputs.machines.filter((machine) => machine.type === 'EXPRESS');
  const transitions = (name: string) => rates.transitionsByMachine.get(name) ?? 0;
  lines.push({
    service: 'Step Functions Standard',
    usdPerMillion:
      standard.reduce((sum, m) => sum + transitions(m.name), 0) * PRICES.sfnStandardTransition * M,
    basis:
      standard.map((m) => `${m.name}: ${round(transitions(m.name))} transitions`).join(', ') ||
      'no Standard machine',
  });
  const expressUsd = express.reduce((sum, m) => {
    const runs = rates.executionsByMachine.get(m.name) ?? 0;
    const seconds =
      Math.ceil(
        (((rates.taskStatesByMachine.get(m.name) ?? 0) / Math.max(runs, 1)) * ASSUMPTIONS.lambdaDurationMs) /
          100,
      ) / 10;
    return (
      sum +
      runs *
        (PRICES.sfnExpressRequest +
          seconds * (ASSUMPTIONS.expressMemoryMb / 1_024) * PRICES.sfnExpressGbSecond)
    );
  }, 0);
  lines.push({
    service: 'Step Functions Express',
    usdPerMillion: expressUsd * M,
    basis:
      express
        .map(
          (m) =>
            `${m.name}: ${round(rates.executionsByMachine.get(m.name) ?? 0, 2)} executions of ${round((rates.taskStatesByMachine.get(m.name) ?? 0) / Math.max(rates.executionsByMachine.get(m.name) ?? 1, 1))} tasks × ${ASSUMPTIONS.lambdaDurationMs} ms assumed, ${ASSUMPTIONS.expressMemoryMb} MB`,
        )
        .join(', ') || 'no Express machine',
  });
  let lambdaUsd = 0;
  const perFunction: string[] = [];
  for (const fn of inputs.functions) {
    const count = rates.invocationsByFunction.get(fn.agentType) ?? 0;
    const gbSecond = fn.architecture === 'arm64' ? PRICES.lambdaArmGbSecond : PRICES.lambdaX86GbSecond;
    lambdaUsd +=
      count *
      (PRICES.lambdaRequest + (fn.memoryMb / 1_024) * (ASSUMPTIONS.lambdaDurationMs / 1_000) * gbSecond);
    if (count > 0) perFunction.push(`${fn.agentType} ${round(count)}`);
  }
  lines.push({
    service: 'Lambda',
    usdPerMillion: lambdaUsd * M,
    basis: `${round(rates.invocations)} invocations (${perFunction.join(', ')}) at each function's memory, ${ASSUMPTIONS.lambdaDurationMs} ms assumed`,
  });
  lines.push({
    service: 'EventBridge',
    usdPerMillion: rates.busChunks * PRICES.eventBridgeEvent * M,
    basis: `${round(rates.busEntries)} entries put, ${round(rates.busChunks)} 64 KB chunks`,
  });
  const tables = [...rates.wruByTable]
    .sort((a, b) => b[1] - a[1])
    .map(([table, units]) => `${table.replace('agentbridge-', '')} ${round(units)}`);
  lines.push({
    service: 'DynamoDB',
    usdPerMillion: (rates.wru * PRICES.dynamoDbWru + rates.rru * PRICES.dynamoDbRru) * M,
    basis: `${round(rates.wru)} WRU (${tables.join(', ')}), ${round(rates.rru)} RRU; stream reads free`,
  });
  let logBytes = rates.invocations * ASSUMPTIONS.lambdaLogBytes;
  const machineLogs: string[] = [];
  for (const machine of inputs.machines) {
    const events = rates.loggedMachineEvents.get(machine.name) ?? 0;
    logBytes +=
      events *
      (ASSUMPTIONS.machineLogEventBytes +
        (machine.includeExecutionData ? ASSUMPTIONS.machineLogDataBytes : 0));
    machineLogs.push(
      `${machine.name} ${machine.logLevel}${machine.includeExecutionData ? '+data' : ''}: ${round(events)} events`,
    );
  }
  lines.push({
    service: 'CloudWatch Logs',
    usdPerMillion: (logBytes / 1_024 ** 3) * PRICES.logsIngestedGb * M,
    basis: `${round(logBytes / 1_024)} KB (${machineLogs.join(', ')}; ${ASSUMPTIONS.lambdaLogBytes} B per invocation assumed)`,
  });
  const traced = inputs.machines
    .filter((m) => m.tracing)
    .reduce((sum, m) => sum + (rates.executionsByMachine.get(m.name) ?? 0), 0);
  const traces = (rates.invocations + traced) * ASSUMPTIONS.xraySampledFraction;
  lines.push({
    service: 'X-Ray',
    usdPerMillion: traces * PRICES.xrayTrace * M,
    basis: `${round(traces, 2)} traces (${ASSUMPTIONS.xraySampledFraction * 100} % of ${round(rates.invocations + traced)} traced requests, assumed sampling)`,
  });
  lines.push({
    service: 'SQS',
    usdPerMillion: rates.sqsRequests * PRICES.sqsRequest * M,
    basis: `${round(rates.sqsRequests, 2)} requests (sqs:sendMessage tasks; dead-letter queues stay empty on delivered orders)`,
  });
  return lines;
}
