import type { TableDefinition } from '../table-definition.js';

/**
 * Attribute names of the task-token table. An order's partition holds three kinds of items, told apart by
 * the sort key: a parked wait per awaited trigger (`<trigger>`: the `.waitForTaskToken` token), a recorded
 * trigger per trigger (`inbox#<trigger>`: the event that arrived, until a wait takes it), and a claim per
 * token (`claim#<sha256 of the token>`: which trigger resumes that wait).
 */
export const TASK_TOKEN_ATTRIBUTES = {
  /** Partition key: the order id, so "what is this order waiting for?" is one Query. */
  orderId: 'orderId',
  /** Sort key: the awaited trigger (event name), `inbox#<trigger>` or `claim#<token digest>`. */
  trigger: 'trigger',
  /** The Step Functions task token to pass to SendTaskSuccess/SendTaskFailure (waits and claims). */
  token: 'token',
  /** The waiting state of a parked wait. */
  state: 'state',
  /** The trigger event's id (recorded triggers and claims). */
  eventId: 'eventId',
  /** The trigger name of a recorded trigger or a claim. */
  name: 'name',
  /** What the resumed wait receives, as JSON text (recorded triggers). */
  signal: 'signal',
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
