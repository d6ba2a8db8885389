import { describe, expect, it } from 'vitest';
import { ORDER_TABLE_ACTIONS } from '../../lambdas/contracts/order/order-table-actions.js';
import { TABLE_ACTIONS as FRAMEWORK_TABLE_ACTIONS } from '../../lambdas/contracts/table-access.js';
import type { TableDefinition } from '../../lambdas/contracts/table-definition.js';
import { AGENT_STATE_TABLE } from '../../lambdas/contracts/tables/agent-state-table.js';
import { CACHE_TABLE } from '../../lambdas/contracts/tables/cache-table.js';
import { EVENT_STORE_TABLE } from '../../lambdas/contracts/tables/event-store-table.js';
import { IDEMPOTENCY_TABLE } from '../../lambdas/contracts/tables/idempotency-table.js';
import { INVENTORY_TABLE } from '../../lambdas/contracts/tables/inventory-table.js';
import { LOCK_TABLE } from '../../lambdas/contracts/tables/lock-table.js';
import { NOTIFICATIONS_TABLE } from '../../lambdas/contracts/tables/notifications-table.js';
import { PAYMENTS_TABLE } from '../../lambdas/contracts/tables/payments-table.js';
import { PIPELINE_RUNS_TABLE } from '../../lambdas/contracts/tables/pipeline-runs-table.js';
import { POOL_SLOTS_TABLE } from '../../lambdas/contracts/tables/pool-slots-table.js';
import { ROUTING_HISTORY_TABLE } from '../../lambdas/contracts/tables/routing-history-table.js';
import { TASK_TOKEN_TABLE } from '../../lambdas/contracts/tables/task-token-table.js';
import { USERS_TABLE } from '../../lambdas/contracts/tables/users-table.js';
import { ITEM_STORE_CONFORMANCE_TABLE } from '../conformance/item-store-conformance.js';
import { testDynamoClients } from '../support/dynamodb.js';
import {
  agentStateWorkload,
  idempotencyWorkload,
  taskTokenWorkload,
} from '../support/iam/agent-store-workloads.js';
import {
  appendingEventStoreWorkload,
  readingEventStoreWorkload,
  snapshotWriterWorkload,
} from '../support/iam/event-store-workloads.js';
import { itemStoreWorkload } from '../support/iam/item-store-workload.js';
import { cacheWorkload, lockStoreWorkload } from '../support/iam/lock-and-cache-workloads.js';
import {
  inventoryWorkload,
  notificationsWorkload,
  paymentsWorkload,
} from '../support/iam/order-store-workloads.js';
import { pipelineRunWorkload } from '../support/iam/pipeline-run-workload.js';
import { poolSlotsWorkload } from '../support/iam/pool-slots-workload.js';
import { DynamoDbAccessLog, recordingDynamoDbClient } from '../support/iam/recording-dynamodb-client.js';
import { routingHistoryWorkload } from '../support/iam/routing-history-workload.js';
import type { TableWorkload } from '../support/iam/table-workload.js';
import { contactLookupWorkload, usersAgentWorkload } from '../support/iam/user-store-workloads.js';
import { CATALOG_AGENTS } from './support/catalog-agents.js';

/** The framework's action sets and the order system's, recorded alike. */
const TABLE_ACTIONS = { ...FRAMEWORK_TABLE_ACTIONS, ...ORDER_TABLE_ACTIONS };
type Role = keyof typeof TABLE_ACTIONS;

/** One grant on one table, and the workload of the adapter(s) that grant exists for. */
interface GrantCase {
  readonly name: string;
  readonly table: TableDefinition;
  /** The TABLE_ACTIONS entries the grant is made of (empty for a grant written inline in the catalog). */
  readonly roles: readonly Role[];
  readonly granted: readonly string[];
  readonly workload: TableWorkload;
  /** Granted actions the workload cannot send, each with the reason it is granted anyway. */
  readonly broaderOnPurpose?: Readonly<Record<string, string>>;
}

const fromRoles = (...roles: Role[]) => ({ roles, granted: roles.flatMap((role) => TABLE_ACTIONS[role]) });

/** A grant the catalog writes inline for one function (not a TABLE_ACTIONS entry). */
const inlineGrant = (functionId: string, table: TableDefinition) => {
  const entry = CATALOG_AGENTS.find((candidate) => candidate.id === functionId);
  const accesses = entry?.tables.filter((access) => access.table === table) ?? [];
  if (accesses.length === 0) throw new Error(`${functionId} has no grant on ${table.id}`);
  return { roles: [], granted: accesses.flatMap((access) => access.actions) };
};

/**
 * The named exception (see `broaderOnPurpose`): why the idempotency grant keeps GetItem although the
 * workload never sends it. Any other entry broader than its adapters fails the test.
 */
const POWERTOOLS_GET_ITEM =
  'Powertools reads the record (GetItem) when a refused in-progress PutItem returns no item ' +
  '(IdempotencyHandler, `existingRecord === undefined`). DynamoDB returns it (ReturnValuesOnConditionCheckFailure' +
  ' ALL_OLD), so no workload reaches that read, but the library can issue it: without the grant that path ' +
  'would fail with AccessDenied instead of replaying.';

const CASES: readonly GrantCase[] = [
  {
    name: 'agent state (agent runtime of every agent function)',
    table: AGENT_STATE_TABLE,
    ...fromRoles('agentState'),
    workload: agentStateWorkload,
  },
  {
    name: 'Powertools idempotency (every agent function)',
    table: IDEMPOTENCY_TABLE,
    ...fromRoles('idempotency'),
    workload: idempotencyWorkload,
    broaderOnPurpose: { 'dynamodb:GetItem': POWERTOOLS_GET_ITEM },
  },
  {
    name: 'task tokens (lifecycle)',
    table: TASK_TOKEN_TABLE,
    ...fromRoles('taskTokens'),
    workload: taskTokenWorkload,
  },
  {
    name: 'user claims and read model (users)',
    table: USERS_TABLE,
    ...fromRoles('users'),
    workload: usersAgentWorkload,
  },
  {
    name: 'user read model, contacts (notification, inline grant)',
    table: USERS_TABLE,
    ...inlineGrant('Notification', USERS_TABLE),
    workload: contactLookupWorkload,
  },
  {
    name: 'inventory (inventory)',
    table: INVENTORY_TABLE,
    ...fromRoles('inventory'),
    workload: inventoryWorkload,
  },
  { name: 'payments (payment)', table: PAYMENTS_TABLE, ...fromRoles('payments'), workload: paymentsWorkload },
  {
    name: 'notifications (notification)',
    table: NOTIFICATIONS_TABLE,
    ...fromRoles('notifications'),
    workload: notificationsWorkload,
  },
  {
    name: 'event store, appends and loads (users, orders)',
    table: EVENT_STORE_TABLE,
    ...fromRoles('eventStore'),
    workload: appendingEventStoreWorkload,
  },
  {
    name: 'event store, reads (lifecycle)',
    table: EVENT_STORE_TABLE,
    ...fromRoles('eventStoreReads'),
    workload: readingEventStoreWorkload,
  },
  {
    name: 'event store, snapshots (snapshot writer)',
    table: EVENT_STORE_TABLE,
    ...fromRoles('eventStoreReads', 'eventStoreSnapshots'),
    workload: snapshotWriterWorkload,
  },
  {
    name: 'lock store (no function yet)',
    table: LOCK_TABLE,
    ...fromRoles('lock'),
    workload: lockStoreWorkload,
  },
  { name: 'L2 cache (no function yet)', table: CACHE_TABLE, ...fromRoles('cache'), workload: cacheWorkload },
  {
    name: "item store (a system's own tables)",
    table: ITEM_STORE_CONFORMANCE_TABLE,
    ...fromRoles('items'),
    workload: itemStoreWorkload,
  },
  {
    name: 'pipeline runs (a pipeline’s checkpoints)',
    table: PIPELINE_RUNS_TABLE,
    ...fromRoles('pipelineRuns'),
    workload: pipelineRunWorkload,
  },
  {
    name: 'pool slots (an agent pool’s leases)',
    table: POOL_SLOTS_TABLE,
    ...fromRoles('poolSlots'),
    workload: poolSlotsWorkload,
  },
  {
    name: 'routing history (a smart router’s shared performance)',
    table: ROUTING_HISTORY_TABLE,
    ...fromRoles('routingHistory'),
    workload: routingHistoryWorkload,
  },
];

const sorted = (actions: Iterable<string>): string[] => [...new Set(actions)].sort();
const minus = (actions: readonly string[], other: readonly string[]): string[] =>
  sorted(actions.filter((action) => !other.includes(action)));

describe('TABLE_ACTIONS match what the DynamoDB adapters send (DynamoDB Local, recorded commands)', () => {
  it('has a workload for every TABLE_ACTIONS entry', () => {
    expect(sorted(CASES.flatMap((grant) => grant.roles))).toEqual(sorted(Object.keys(TABLE_ACTIONS)));
  });

  it.each(CASES)('$name: grants exactly the actions the adapters send', async (grant) => {
    const log = new DynamoDbAccessLog();
    const { client, documentClient } = testDynamoClients();
    await grant.workload({
      client: recordingDynamoDbClient(client, log),
      documentClient: recordingDynamoDbClient(documentClient, log),
    });
    const recorded = log.actions();
    const exceptions = Object.keys(grant.broaderOnPurpose ?? {});

    expect(log.tables(), 'tables the workload touched').toEqual([grant.table.localName]);
    // Soft: a grant can be too narrow and too broad at once; report both.
    expect
      .soft(minus(recorded, grant.granted), 'sent but not granted (AccessDenied in production)')
      .toEqual([]);
    expect.soft(minus(grant.granted, [...recorded, ...exceptions]), 'granted but never sent').toEqual([]);
    // An exception must still be needed: granted, and still not sent by the workload.
    expect
      .soft(minus(exceptions, minus(grant.granted, recorded)), 'stale broader-on-purpose entries')
      .toEqual([]);
  });
});
