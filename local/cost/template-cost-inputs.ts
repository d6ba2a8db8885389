import { ENV } from '../../lambdas/contracts/env-names.js';
import { ALL_TABLES } from '../../lambdas/contracts/tables/all-tables.js';
import { IDEMPOTENCY_TABLE } from '../../lambdas/contracts/tables/idempotency-table.js';
import { type CdkTemplate, resourcesOfType } from '../cdk-out/cdk-out-template.js';
import { type TemplateFunction, templateFunctions } from '../cdk-out/template-functions.js';

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

const definitionText = (definition: unknown): string => {
  if (typeof definition === 'string') return definition;
  const join = (definition as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  return join === undefined
    ? '{}'
    : join[1].map((part) => (typeof part === 'string' ? part : '"x"')).join(join[0]);
};

/**
 * What the bill depends on, read from a synthesized template: each agent function (memory, architecture,
 * whether its environment names the idempotency table), each state machine (type, log level, tracing, its
 * Task resources from the definition) and each stream consumer (table, filters, batch size).
 *
 * @example
 * ```ts
 * const inputs = templateCostInputs(readCdkTemplate('cdk.out'));
 * ```
 */
export function templateCostInputs(template: CdkTemplate): TemplateCostInputs {
  const functions = templateFunctions(template, '').map((fn) => ({
    ...fn,
    agentType: fn.environment[ENV.agentType] ?? fn.functionName,
    writesIdempotency: fn.environment[IDEMPOTENCY_TABLE.envVar] !== undefined,
  }));
  const machines = resourcesOfType(template, 'AWS::StepFunctions::StateMachine').map(
    ({ logicalId, resource }) => {
      const properties = resource.Properties ?? {};
      const logging = properties.LoggingConfiguration as
        | { Level?: string; IncludeExecutionData?: boolean }
        | undefined;
      const taskResources = new Map<string, string>();
      collectTasks(
        (JSON.parse(definitionText(properties.DefinitionString)) as { States?: Record<string, AslState> })
          .States,
        taskResources,
      );
      return {
        name: typeof properties.StateMachineName === 'string' ? properties.StateMachineName : logicalId,
        type: properties.StateMachineType === 'EXPRESS' ? ('EXPRESS' as const) : ('STANDARD' as const),
        logLevel: logging?.Level ?? 'OFF',
        includeExecutionData: logging?.IncludeExecutionData === true,
        tracing: (properties.TracingConfiguration as { Enabled?: boolean } | undefined)?.Enabled === true,
        taskResources,
      };
    },
  );
  const tableOfLogicalId = (logicalId: string): string | undefined =>
    ALL_TABLES.find((table) => functions.some((fn) => fn.environment[table.envVar] === logicalId))?.localName;
  const streamConsumers = resourcesOfType(template, 'AWS::Lambda::EventSourceMapping').flatMap(
    ({ resource }) => {
      const properties = resource.Properties ?? {};
      const fnRef = (properties.FunctionName as { Ref?: string } | undefined)?.Ref;
      const source = (properties.EventSourceArn as { 'Fn::GetAtt'?: string[] } | undefined)?.['Fn::GetAtt'];
      const fn = functions.find((candidate) => candidate.logicalId === fnRef);
      const table =
        source?.[1] === 'StreamArn' && source[0] !== undefined ? tableOfLogicalId(source[0]) : undefined;
      if (fn === undefined || table === undefined) return [];
      const filters =
        (properties.FilterCriteria as { Filters?: { Pattern?: string }[] } | undefined)?.Filters ?? [];
      return [
        {
          agentType: fn.agentType,
          table,
          filterPatterns: filters.flatMap((filter) => (filter.Pattern === undefined ? [] : [filter.Pattern])),
          batchSize: typeof properties.BatchSize === 'number' ? properties.BatchSize : 100,
        },
      ];
    },
  );
  return { functions, machines, streamConsumers };
}
