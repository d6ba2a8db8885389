import type { AgentBridge } from 'agentbridge/cdk';
import type { TableDefinition } from 'agentbridge/stores';

/**
 * One area of the operations desk (intake, routing, decisions, runbooks, the assistant): what it adds to the
 * desk's bridge. The stack gathers every area's producer sources and tables first (a table two areas use is
 * created once), then lets each area add its agents, state machines and grants.
 */
export interface OpsDeskArea {
  readonly name: string;
  /** Detail-types other services publish onto the desk's bus, each with the one source allowed to. */
  readonly producerSources?: Readonly<Record<string, string>>;
  /** Tables the area's agents use, beyond the idempotency and agent-state tables every desk has. */
  readonly tables?: readonly TableDefinition[];
  /** Adds the area's agents (and anything else) to the desk. */
  deploy(bridge: AgentBridge, settings: OpsDeskSettings): void;
}

/** How the desk is built, from CDK context: `cdk synth -c opsdesk:model=scripted`. */
export interface OpsDeskSettings {
  /**
   * The assistant's model: `bedrock` (default; Bedrock Converse, the model id from `opsdesk:modelId`) or
   * `scripted` (the example's script of turns: no model call leaves the machine, for the local cloud).
   */
  readonly model: 'bedrock' | 'scripted';
  /** The Bedrock model id the assistant calls, from `opsdesk:modelId`. */
  readonly modelId: string | undefined;
}
