import { readFileSync } from 'node:fs';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { STATE_MACHINES, type StateMachineKey } from '../../lambdas/contracts/state-machines.js';

/** One Lambda task of a state machine as its ASL file declares it. */
export interface AslLambdaTask {
  readonly machine: StateMachineKey;
  readonly stateName: string;
  /** `lambda:invoke` or `lambda:invoke.waitForTaskToken`. */
  readonly resource: string;
  /** The agent type hosted by the function its `FunctionName` placeholder names. */
  readonly agentType: string;
  /** `Parameters.Payload` as written, JSONPath fields (`key.$`) unresolved. */
  readonly payloadTemplate: Record<string, unknown>;
}

/** A task with its payload resolved against an execution's input and context, as Step Functions sends it. */
export interface ResolvedLambdaTask extends AslLambdaTask {
  readonly payload: Record<string, unknown>;
}

/** A realistic state input and execution name per state machine (test/fixtures/statemachines/). */
type ExecutionInputs = Record<StateMachineKey, { input: Record<string, unknown>; executionName: string }>;

const fileOf = (key: StateMachineKey): URL =>
  new URL(`../../${STATE_MACHINES[key].definitionFile}`, import.meta.url);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function agentTypeOf(key: StateMachineKey, stateName: string, functionName: unknown): string {
  const placeholder = /^\$\{(\w+)\}$/.exec(String(functionName))?.[1];
  const target = placeholder === undefined ? undefined : STATE_MACHINES[key].placeholders[placeholder];
  if (target?.kind !== 'functionArn') {
    throw new Error(`${key}.${stateName}: FunctionName ${String(functionName)} names no agent function`);
  }
  return target.agentType;
}

/**
 * Every `lambda:invoke` / `lambda:invoke.waitForTaskToken` Task of a state machine, read from its ASL file at
 * call time (Parallel branches and Map processors included), in file order.
 */
export function aslLambdaTasks(key: StateMachineKey): AslLambdaTask[] {
  const tasks: AslLambdaTask[] = [];
  const walk = (machine: unknown): void => {
    if (!isRecord(machine) || !isRecord(machine.States)) return;
    for (const [stateName, state] of Object.entries(machine.States)) {
      if (!isRecord(state)) continue;
      if (Array.isArray(state.Branches)) for (const branch of state.Branches) walk(branch);
      walk(state.ItemProcessor ?? state.Iterator);
      const resource = String(state.Resource);
      if (state.Type !== 'Task' || !resource.startsWith('arn:aws:states:::lambda:invoke')) continue;
      const parameters = isRecord(state.Parameters) ? state.Parameters : {};
      const payloadTemplate = isRecord(parameters.Payload) ? parameters.Payload : {};
      tasks.push({
        machine: key,
        stateName,
        resource,
        agentType: agentTypeOf(key, stateName, parameters.FunctionName),
        payloadTemplate,
      });
    }
  };
  walk(JSON.parse(readFileSync(fileOf(key), 'utf8')));
  return tasks;
}

/**
 * The payloads of every Lambda task of a state machine as Step Functions would send them for one order: the
 * templates' JSONPath and intrinsics (`States.Format`, `$$.Execution.Id`, `$$.Task.Token`) resolved by the
 * local engine against the realistic state input of test/fixtures/statemachines/execution-inputs.json. A path
 * the fixture lacks fails here, naming it: extend the fixture when a definition reads a new field.
 */
export async function resolvedLambdaTasks(
  key: StateMachineKey,
  overrides: { orderId?: string } = {},
): Promise<ResolvedLambdaTask[]> {
  const tasks = aslLambdaTasks(key);
  const fixture = (
    JSON.parse(
      readFileSync(new URL('../fixtures/statemachines/execution-inputs.json', import.meta.url), 'utf8'),
    ) as ExecutionInputs
  )[key];
  const orderId = overrides.orderId ?? String(fixture.input.orderId);
  const executionName = overrides.orderId ?? fixture.executionName;
  // One Pass state whose Parameters hold every task's payload template: a single run resolves them all.
  const definition = {
    StartAt: 'Payloads',
    States: {
      Payloads: {
        Type: 'Pass',
        Parameters: Object.fromEntries(tasks.map((task) => [task.stateName, task.payloadTemplate])),
        End: true,
      },
    },
  };
  const engine = new StateMachine(definition as unknown as StateMachineDefinition);
  const executionArn = `arn:aws:states:us-east-1:000000000000:execution:agentbridge-${STATE_MACHINES[key].name}:${executionName}`;
  const resolved = (await engine.run(
    { ...fixture.input, orderId },
    {
      context: {
        Execution: { Id: executionArn, Name: executionName },
        Task: { Token: `token-of-${executionName}` },
      },
    },
  ).result) as Record<string, Record<string, unknown>>;
  return tasks.map((task) => {
    const payload = resolved[task.stateName];
    if (payload === undefined) throw new Error(`${key}.${task.stateName}: the payload did not resolve`);
    return { ...task, payload };
  });
}
