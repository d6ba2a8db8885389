import type { TableDefinition } from './table-definition.js';
import { AGENT_STATE_TABLE } from './tables/agent-state-table.js';
import { IDEMPOTENCY_TABLE } from './tables/idempotency-table.js';

/**
 * What one function may do on one table: the exact DynamoDB actions its store adapter issues, and
 * optionally the only partition keys it may touch (IAM `dynamodb:LeadingKeys`). Nothing is granted by
 * level ("read/write"): each action set below is the list of commands the adapter sends, so a function
 * cannot do what its code never does.
 */
export interface TableAccess {
  readonly table: TableDefinition;
  readonly actions: readonly string[];
  /** Restricts every item-level action to these partition-key values (e.g. the function's agent type). */
  readonly leadingKeys?: readonly string[];
  /**
   * Restricts every item-level action to partition keys matching these IAM `StringLike` patterns (`*`, `?`),
   * e.g. the snapshot partitions of the event store, which no event stream id can match.
   */
  readonly leadingKeyPatterns?: readonly string[];
  /**
   * Restricts the item attributes the actions may write or read to these names (IAM `dynamodb:Attributes`),
   * and forbids asking for other values back (`dynamodb:ReturnValues` = `NONE`).
   */
  readonly attributes?: readonly string[];
}

/**
 * The action sets on the framework's tables, named after the role a function plays on a table (a system
 * names its own tables' sets next to them).
 *
 * @example
 * ```ts
 * const access: TableAccess = { table: IDEMPOTENCY_TABLE, actions: TABLE_ACTIONS.idempotency };
 * ```
 */
export const TABLE_ACTIONS = {
  /** Agent state store: load, save (conditional put), delete, and "every agent of my type" (Query). */
  agentState: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:Query'],
  /** Powertools idempotency persistence layer. */
  idempotency: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
  /**
   * Task tokens, both sides: park a `.waitForTaskToken` token (PutItem), take it with a conditional delete so
   * a duplicate trigger cannot resume twice (DeleteItem), look up what an order waits for (Query).
   */
  taskTokens: ['dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:Query'],
  /**
   * Fenced lock store: lease and counter items, waiter queue (one-partition Query), transactional grants (an
   * Update of the counter, a Put of the lease, a Delete of the waiter: no ConditionCheck, so none granted).
   */
  /**
   * Smart routing history: counters (UpdateItem ADD), outcomes (PutItem, Query, BatchWriteItem to trim), the
   * model on the meta item (UpdateItem, GetItem).
   */
  routingHistory: [
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:Query',
    'dynamodb:BatchWriteItem',
  ],
  /**
   * Agent pool slots: a consistent Query reads a pool; grants, releases, resizes and counters are conditional
   * UpdateItems.
   */
  poolSlots: ['dynamodb:Query', 'dynamodb:UpdateItem'],
  lock: [
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:Query',
  ],
  /**
   * Event store: first event of a stream (conditional PutItem), later appends (TransactWriteItems = PutItem
   * per event + a ConditionCheckItem on the expected last event), loads (Query; snapshots are items too).
   */
  eventStore: ['dynamodb:PutItem', 'dynamodb:ConditionCheckItem', 'dynamodb:Query'],
  /** Event store, snapshot writer's reads: the latest snapshot and the events after it (both Query). */
  eventStoreReads: ['dynamodb:Query'],
  /** Event store, snapshot writer's writes: one unconditional PutItem per snapshot (granted on snapshot keys). */
  eventStoreSnapshots: ['dynamodb:PutItem'],
  /** L2 cache. */
  cache: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
  /** Item store (`DynamoDbItemStore`): a consistent read and a replacing write of one item by its key. */
  items: ['dynamodb:GetItem', 'dynamodb:PutItem'],
  /** Pipeline runs (`DynamoDbPipelineRunStore`): a consistent read of a run, a conditional put per checkpoint. */
  pipelineRuns: ['dynamodb:GetItem', 'dynamodb:PutItem'],
} as const satisfies Record<string, readonly string[]>;

/**
 * What every agent function is wired with (`agentHandler`): the Powertools idempotency table, and its own
 * partition of the agent-state table (`dynamodb:LeadingKeys` = its agent type, so no function can read or
 * overwrite another agent type's state).
 *
 * @example
 * ```ts
 * const spec: AgentSpec = { agentType: 'triage', tables: agentFunctionTables('triage') };
 * ```
 */
export const agentFunctionTables = (agentType: string): TableAccess[] => [
  { table: IDEMPOTENCY_TABLE, actions: TABLE_ACTIONS.idempotency },
  { table: AGENT_STATE_TABLE, actions: TABLE_ACTIONS.agentState, leadingKeys: [agentType] },
];
