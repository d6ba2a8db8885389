import type { TableDefinition } from '../table-definition.js';

/**
 * Attribute names of the notifications table: one item per notification that would have been sent,
 * `pk = <notification id>` (deterministic per purpose, e.g. `<orderId>:shipped:email`, so a repeat is
 * recorded once). Queryable by recipient (GSI `byRecipient`) and by order (GSI `byOrder`), newest last.
 * No TTL: the record is the proof of what the system said to a customer.
 */
export const NOTIFICATIONS_ATTRIBUTES = {
  pk: 'pk',
  channel: 'channel',
  recipient: 'recipient',
  orderId: 'orderId',
  userId: 'userId',
  kind: 'kind',
  subject: 'subject',
  body: 'body',
  /** ISO-8601 time plus `#<id>`: the GSIs' sort key, so equal timestamps still sort stably. */
  sentAtId: 'sentAtId',
  sentAt: 'sentAt',
} as const;

export const NOTIFICATIONS_INDEXES = { byRecipient: 'byRecipient', byOrder: 'byOrder' } as const;

/**
 * The notification agent's record of what would be sent (the default adapter never sends mail or SMS).
 *
 * @example
 * ```ts
 * const tableName = process.env[NOTIFICATIONS_TABLE.envVar] ?? NOTIFICATIONS_TABLE.localName;
 * ```
 */
export const NOTIFICATIONS_TABLE: TableDefinition = {
  id: 'Notifications',
  envVar: 'AGENTBRIDGE_NOTIFICATIONS_TABLE_NAME',
  localName: 'agentbridge-notifications',
  partitionKey: { name: NOTIFICATIONS_ATTRIBUTES.pk, type: 'S' },
  globalSecondaryIndexes: [
    {
      indexName: NOTIFICATIONS_INDEXES.byRecipient,
      partitionKey: { name: NOTIFICATIONS_ATTRIBUTES.recipient, type: 'S' },
      sortKey: { name: NOTIFICATIONS_ATTRIBUTES.sentAtId, type: 'S' },
      projection: 'ALL',
    },
    {
      indexName: NOTIFICATIONS_INDEXES.byOrder,
      partitionKey: { name: NOTIFICATIONS_ATTRIBUTES.orderId, type: 'S' },
      sortKey: { name: NOTIFICATIONS_ATTRIBUTES.sentAtId, type: 'S' },
      projection: 'ALL',
    },
  ],
};
