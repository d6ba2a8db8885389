import type { TestDynamoClients } from '../dynamodb.js';

/**
 * A representative run of one function's use of one table: every public operation of the adapter(s) the
 * function wires to that table, including the conflict and not-found paths. It gets recording clients; it
 * seeds what it only reads through `testDynamoClients()` (unrecorded), with random keys.
 */
export type TableWorkload = (recorded: TestDynamoClients) => Promise<void>;
