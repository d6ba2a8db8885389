import type { TableDefinition } from '../table-definition.js';

/**
 * Batch aggregators' results: one item per request (`requestId`), written when its batch is answered (or the
 * request fails for good), read by the requester with a GetItem on its own id. Items expire (`expiresAt`,
 * epoch seconds): a result is read soon after it is written, and a request answered again after expiry costs
 * one more call, nothing else.
 *
 * @example
 * ```ts
 * const results = new DynamoDbItemStore({ documentClient, tableName: wiring.tableName(BATCH_RESULTS_TABLE),
 *   table: BATCH_RESULTS_TABLE, schema: BatchResultRecordSchema });
 * ```
 */
export const BATCH_RESULTS_TABLE: TableDefinition = {
  id: 'BatchResults',
  envVar: 'AGENTBRIDGE_BATCH_RESULTS_TABLE_NAME',
  localName: 'agentbridge-batch-results',
  partitionKey: { name: 'requestId', type: 'S' },
  timeToLiveAttribute: 'expiresAt',
};
