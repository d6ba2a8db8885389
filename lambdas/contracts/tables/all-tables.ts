import type { TableDefinition } from '../table-definition.js';
import { AGENT_STATE_TABLE } from './agent-state-table.js';
import { CACHE_TABLE } from './cache-table.js';
import { EVENT_STORE_TABLE } from './event-store-table.js';
import { IDEMPOTENCY_TABLE } from './idempotency-table.js';
import { INVENTORY_TABLE } from './inventory-table.js';
import { LOCK_TABLE } from './lock-table.js';
import { NOTIFICATIONS_TABLE } from './notifications-table.js';
import { PAYMENTS_TABLE } from './payments-table.js';
import { TASK_TOKEN_TABLE } from './task-token-table.js';
import { USERS_TABLE } from './users-table.js';

/**
 * Every table agentbridge owns. The DynamoDB Local harness and the local cloud create exactly these;
 * the CDK stack declares each one with its own construct.
 */
export const ALL_TABLES: readonly TableDefinition[] = [
  AGENT_STATE_TABLE,
  CACHE_TABLE,
  EVENT_STORE_TABLE,
  IDEMPOTENCY_TABLE,
  LOCK_TABLE,
  TASK_TOKEN_TABLE,
  USERS_TABLE,
  INVENTORY_TABLE,
  PAYMENTS_TABLE,
  NOTIFICATIONS_TABLE,
];
