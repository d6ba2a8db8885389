import { declareAgent, defineAgent } from 'agentbridge';
import { type PatternMetrics, ToolChains } from 'agentbridge/patterns';
import { agentFunctionTables, TABLE_ACTIONS } from 'agentbridge/stores';
import { OPS_DIRECTORY_TABLE } from '../intake/directory.js';
import { runbookChains } from './chains.js';
import { FLEET_TABLE, type Fleet } from './fleet.js';
import { RUNBOOK_AGENT_TYPE, RunRunbook } from './messages.js';
import { type DeployLog, runbookTools } from './tools.js';

/** What the runbook agent is built from. */
export interface RunbookAgentDeps {
  readonly fleet: Fleet;
  readonly deployLog: DeployLog;
  readonly metrics?: PatternMetrics;
  /** Waits out a retry's backoff (default: a timer). */
  readonly sleep?: (ms: number) => Promise<unknown>;
}

/**
 * Holds the desk's runbooks as named tool chains and runs the one a `RunRunbook` request names, answering
 * with every step's record; reached by `send` only (operators' tools, the assistant, the decision layers).
 */
export const RUNBOOK_AGENT = declareAgent({
  agentType: RUNBOOK_AGENT_TYPE,
  skipDirectMessageSubscription: true,
  tables: [
    ...agentFunctionTables(RUNBOOK_AGENT_TYPE),
    { table: FLEET_TABLE, actions: TABLE_ACTIONS.items },
    { table: OPS_DIRECTORY_TABLE, actions: ['dynamodb:GetItem'] },
  ],
  define: (deps: RunbookAgentDeps) => {
    const runbooks = new ToolChains(runbookChains(runbookTools(deps.fleet, deps.deployLog)), {
      metrics: deps.metrics,
      sleep: deps.sleep,
    });
    return defineAgent({
      description: `Runs the desk's runbooks: ${runbooks.names.join(', ')}`,
      handlers: (on) => [
        on.rpc(RunRunbook, async ({ runbook, input }) => {
          const result = await runbooks.run(runbook, input);
          const steps = result.steps.map(
            ({ step, tool, status, attempts, retryDelaysMs, durationMs, output, error }) => ({
              step,
              tool,
              status,
              attempts,
              retryDelaysMs: [...retryDelaysMs],
              durationMs,
              ...(output === undefined ? {} : { output }),
              ...(error === undefined ? {} : { error }),
            }),
          );
          return result.ok
            ? { runbook, ok: true, output: result.output, steps }
            : { runbook, ok: false, failure: { ...result.failure, step: result.failure.step }, steps };
        }),
      ],
    });
  },
});
