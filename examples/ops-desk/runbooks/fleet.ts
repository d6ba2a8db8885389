import type { ItemStore, TableDefinition } from 'agentbridge/stores';
import * as z from 'zod';

/**
 * The desk's view of the fleet, one item per service: what the runbooks' tools read and change (on a real
 * desk, the orchestrator's API behind the same tools).
 */
export const FLEET_TABLE: TableDefinition = {
  id: 'Fleet',
  envVar: 'FLEET_TABLE_NAME',
  localName: 'opsdesk-fleet',
  partitionKey: { name: 'service', type: 'S' },
};

export const FleetEntry = z.object({
  service: z.string(),
  instances: z.number().int().nonnegative(),
  maxInstances: z.number().int().positive(),
  /** Traffic is drained away from the service (during a restart). */
  drained: z.boolean(),
  restarts: z.number().int().nonnegative(),
  /** Health checks a restarted service fails while it warms up. */
  warmupChecks: z.number().int().nonnegative(),
  /** Health checks still to fail since the last restart. */
  pendingChecks: z.number().int().nonnegative(),
});
export type FleetEntry = z.infer<typeof FleetEntry>;

export type Fleet = ItemStore<FleetEntry>;
