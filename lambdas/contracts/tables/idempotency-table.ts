import type { TableDefinition } from '../table-definition.js';

/**
 * Attribute names Powertools' `DynamoDBPersistenceLayer` writes with its defaults (idempotency 2.x:
 * `keyAttr` `id`, `expiryAttr` `expiration`, plus `status`, `in_progress_expiration`, `data`, `validation`).
 * Keeping the defaults means handlers build the layer with just `{ tableName, awsSdkV3Client }`.
 */
export const IDEMPOTENCY_ATTRIBUTES = {
  /** Partition key: `<function name>#<hash of the idempotency payload>`. */
  id: 'id',
  /** DynamoDB TTL attribute, epoch seconds (Powertools' `expiresAfterSeconds`, default one hour). */
  expiration: 'expiration',
} as const;

/**
 * The Powertools idempotency table. Partition key only, no sort key: with a sort key Powertools puts every
 * record of a function under one static partition key (`idempotency#<fn>`), which caps that function at
 * roughly 1,000 writes/s (one partition's write limit). Records are disposable, so every item carries TTL.
 *
 * @example
 * ```ts
 * const persistenceStore = new DynamoDBPersistenceLayer({
 *   tableName: process.env[IDEMPOTENCY_TABLE.envVar] ?? IDEMPOTENCY_TABLE.localName,
 *   awsSdkV3Client: dynamoDbClient,
 * });
 * ```
 */
export const IDEMPOTENCY_TABLE: TableDefinition = {
  id: 'Idempotency',
  envVar: 'AGENTBRIDGE_IDEMPOTENCY_TABLE_NAME',
  localName: 'agentbridge-idempotency',
  partitionKey: { name: IDEMPOTENCY_ATTRIBUTES.id, type: 'S' },
  timeToLiveAttribute: IDEMPOTENCY_ATTRIBUTES.expiration,
};
