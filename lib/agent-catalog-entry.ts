import type { AgentSpec } from '../lambdas/runtime/agent-spec.js';

/**
 * One deployed function of the order system: its handler file and what it runs. Everything the function is
 * subscribed to and may touch is the declaration's (the agent's own, read by its handler too); the entry
 * only adds how the stack deploys it.
 */
export interface AgentCatalogEntry {
  /** Construct id, e.g. `Payment`. */
  readonly id: string;
  /** Handler entry, relative to the repository root. */
  readonly entry: string;
  /** The agent's declaration (`declareAgent`), or the spec of one of the event store's stream consumers. */
  readonly declaration: AgentSpec;
  /**
   * Whether the function consumes the event store's DynamoDB stream (the outbox publisher, the snapshot
   * writer): each gets its own stream event source (event inserts only), on-failure queue and iterator-age
   * alarm. DynamoDB Streams serve two concurrent readers per shard without throttling: these two are it.
   */
  readonly eventStoreStream?: boolean;
  /** Timeout in seconds, when the default (30 s) does not fit. */
  readonly timeoutSeconds?: number;
}
