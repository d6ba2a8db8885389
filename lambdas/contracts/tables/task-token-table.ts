import type { TableDefinition } from '../table-definition.js';

/**
 * Attribute names of a task-token item: one item per (order, awaited trigger), holding the Step Functions
 * `.waitForTaskToken` token that the trigger's arrival must complete.
 */
export const TASK_TOKEN_ATTRIBUTES = {
  /** Partition key: the order id, so "what is this order waiting for?" is one Query. */
  orderId: 'orderId',
  /** Sort key: the trigger (event name) the lifecycle state machine is waiting for. */
  trigger: 'trigger',
  /** The Step Functions task token to pass to SendTaskSuccess/SendTaskFailure. */
  token: 'token',
  /**
   * Expiry in epoch seconds and the DynamoDB TTL attribute. Every take and peek compares it with the clock
   * itself, because TTL deletion runs up to ~48 h late.
   */
  expiresAt: 'expiresAt',
} as const;

/**
 * Task tokens for the order lifecycle. Every item carries TTL: a token is useless once the waiting state
 * has timed out, so nothing here must survive.
 *
 * @example
 * ```ts
 * const tableName = process.env[TASK_TOKEN_TABLE.envVar] ?? TASK_TOKEN_TABLE.localName;
 * ```
 */
export const TASK_TOKEN_TABLE: TableDefinition = {
  id: 'TaskTokens',
  envVar: 'AGENTBRIDGE_TASK_TOKEN_TABLE_NAME',
  localName: 'agentbridge-task-tokens',
  partitionKey: { name: TASK_TOKEN_ATTRIBUTES.orderId, type: 'S' },
  sortKey: { name: TASK_TOKEN_ATTRIBUTES.trigger, type: 'S' },
  timeToLiveAttribute: TASK_TOKEN_ATTRIBUTES.expiresAt,
};
