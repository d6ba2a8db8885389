import { resolve } from 'node:path';
import { ENV } from '../../lambdas/contracts/env-names.js';
import { ALL_TABLES } from '../../lambdas/contracts/tables/all-tables.js';
import { IDEMPOTENCY_TABLE } from '../../lambdas/contracts/tables/idempotency-table.js';
import type { CdkTemplate } from '../cdk-out/cdk-out-template.js';
import { deployedFunctions, type TemplateFunction } from '../cdk-out/template-functions.js';
import { localDeploymentOf, templateStack } from '../cloud/load-local-deployment.js';

/** A state machine as the template deploys it: what its bill depends on. */
export interface TemplateMachine {
  readonly name: string;
  readonly type: 'STANDARD' | 'EXPRESS';
  /** `ALL`, `ERROR`, `FATAL` or `OFF` (no logging configuration). */
  readonly logLevel: string;
  readonly includeExecutionData: boolean;
  readonly tracing: boolean;
  /** Task state name → its `Resource` (nested Parallel and Map states included). */
  readonly taskResources: ReadonlyMap<string, string>;
}

/** A stream event source mapping: which function reads which table's stream, filtered how. */
export interface TemplateStreamConsumer {
  readonly agentType: string;
  /** The local name of the table whose stream it reads. */
  readonly table: string;
  readonly filterPatterns: readonly string[];
  readonly batchSize: number;
}

/** The agent function of an agent type: its memory, architecture and whether it keeps idempotency records. */
export interface CostFunction extends TemplateFunction {
  readonly agentType: string;
  readonly writesIdempotency: boolean;
}

export interface TemplateCostInputs {
  readonly functions: readonly CostFunction[];
  readonly machines: readonly TemplateMachine[];
  readonly streamConsumers: readonly TemplateStreamConsumer[];
}

interface AslState {
  readonly Type?: string;
  readonly Resource?: string;
  readonly Branches?: readonly { States?: Record<string, AslState> }[];
  readonly Iterator?: { States?: Record<string, AslState> };
  readonly ItemProcessor?: { States?: Record<string, AslState> };
}

const collectTasks = (states: Record<string, AslState> | undefined, into: Map<string, string>): void => {
  for (const [name, state] of Object.entries(states ?? {})) {
    if (state.Type === 'Task' && state.Resource !== undefined) into.set(name, state.Resource);
    for (const branch of state.Branches ?? []) collectTasks(branch.States, into);
    collectTasks(state.Iterator?.States, into);
    collectTasks(state.ItemProcessor?.States, into);
  }
};

/**
 * What the bill depends on, read from a synthesized template through the local cloud's loader: each agent
 * function (memory, architecture, whether its environment names the idempotency table), each state machine
 * (type, log level, tracing, its Task resources from the resolved definition) and each stream consumer
 * (table, filters, batch size).
 *
 * @example
 * ```ts
 * const inputs = templateCostInputs(readCdkTemplate('cdk.out'));
 * ```
 */
export function templateCostInputs(template: CdkTemplate): TemplateCostInputs {
  const deployment = localDeploymentOf([templateStack(template, 'AgentBridge')], resolve(''), {
    requireBundles: false,
  });
  const functions = deployedFunctions(deployment).map((fn) => ({
    ...fn,
    agentType: fn.environment[ENV.agentType] ?? fn.functionName,
    writesIdempotency: fn.environment[IDEMPOTENCY_TABLE.envVar] !== undefined,
  }));
  const machines = deployment.stateMachines.map((machine) => {
    const tracing = template.Resources[machine.logicalId]?.Properties?.TracingConfiguration as
      | { Enabled?: boolean }
      | undefined;
    const taskResources = new Map<string, string>();
    collectTasks((machine.definition as { States?: Record<string, AslState> }).States, taskResources);
    return {
      name: machine.name,
      type: machine.type,
      logLevel: machine.loggingLevel,
      includeExecutionData: machine.includeExecutionData,
      tracing: tracing?.Enabled === true,
      taskResources,
    };
  });
  // The functions that use a table name it by the physical name its stream mappings resolve to.
  const tableNamed = (name: string): string | undefined =>
    ALL_TABLES.find((table) => functions.some((fn) => fn.environment[table.envVar] === name))?.localName;
  const streamConsumers = deployment.eventSourceMappings.flatMap((mapping) => {
    const fn = functions.find((candidate) => candidate.functionName === mapping.functionName);
    const table = mapping.source.kind === 'tableStream' ? tableNamed(mapping.source.name) : undefined;
    if (fn === undefined || table === undefined) return [];
    return [
      {
        agentType: fn.agentType,
        table,
        filterPatterns: mapping.filters.map((filter) => JSON.stringify(filter)),
        batchSize: mapping.batchSize,
      },
    ];
  });
  return { functions, machines, streamConsumers };
}
