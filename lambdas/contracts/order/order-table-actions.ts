/**
 * The order system's action sets on its own tables, named after the role a function plays there: the exact
 * commands each store adapter sends (`test/infra/table-actions-match-adapters.test.ts` records them).
 *
 * @example
 * ```ts
 * const access: TableAccess = { table: USERS_TABLE, actions: ORDER_TABLE_ACTIONS.users };
 * ```
 */
export const ORDER_TABLE_ACTIONS = {
  /** Users: email claims and registrations (conditional put / delete), read model rows, the `list` index. */
  users: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:Query'],
  /**
   * Inventory: stock levels (GetItem, BatchGetItem), step records and reservations (PutItem), stock counters
   * (UpdateItem); reservations are TransactWriteItems, which IAM authorises per contained Put/Update.
   */
  inventory: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  /** Payments: the charge record (conditional put), its charged → refunded update, reads of both. */
  payments: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  /** Notifications: record what would be sent (PutItem), read one back, list by recipient or order (indexes). */
  notifications: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
} as const satisfies Record<string, readonly string[]>;
