import { TransientError } from 'agentbridge';
import { defineTool } from 'agentbridge/patterns';
import type { ItemStore } from 'agentbridge/stores';
import * as z from 'zod';
import type { Fleet, FleetEntry } from './fleet.js';

const Service = z.object({ service: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/) });

/** The deploy log's entries, as intake's directory keeps them (`deploys:<service>`). */
export type DeployLog = ItemStore<{ entryId: string; deploys: { version: string; at: string }[] }>;

/** The runbooks' tools, on the fleet and the deploy log. */
export function runbookTools(fleet: Fleet, deployLog: DeployLog) {
  const entry = async (service: string): Promise<FleetEntry> => {
    const found = await fleet.get(service);
    if (found === undefined) throw new Error(`the fleet has no service ${service}`);
    return found;
  };
  const Traffic = Service.extend({ drained: z.boolean() });
  return {
    drainTraffic: defineTool({
      name: 'drain_traffic',
      description: 'Moves traffic away from a service, so it can be restarted without failing requests',
      input: Service,
      output: Traffic,
      run: async ({ service }) => {
        await fleet.put({ ...(await entry(service)), drained: true });
        return { service, drained: true };
      },
    }),
    restartService: defineTool({
      name: 'restart_service',
      description: 'Restarts every instance of a service; it then warms up before it is healthy',
      input: Service,
      output: Service.extend({ restarts: z.number().int() }),
      run: async ({ service }) => {
        const current = await entry(service);
        const restarts = current.restarts + 1;
        await fleet.put({ ...current, restarts, pendingChecks: current.warmupChecks });
        return { service, restarts };
      },
    }),
    checkHealth: defineTool({
      name: 'check_health',
      description: 'Checks a service answers its health check; fails while it is still warming up',
      input: Service,
      output: Service.extend({ healthy: z.literal(true) }),
      run: async ({ service }) => {
        const current = await entry(service);
        if (current.pendingChecks > 0) {
          await fleet.put({ ...current, pendingChecks: current.pendingChecks - 1 });
          // A retry can get past it: the service is warming up.
          throw new TransientError(new Error(`${service} is still starting`));
        }
        return { service, healthy: true as const };
      },
    }),
    restoreTraffic: defineTool({
      name: 'restore_traffic',
      description: 'Sends traffic back to a drained service',
      input: Service,
      output: Traffic,
      run: async ({ service }) => {
        await fleet.put({ ...(await entry(service)), drained: false });
        return { service, drained: false };
      },
    }),
    scaleOut: defineTool({
      name: 'scale_out',
      description: 'Adds instances to a service, never past its maximum',
      input: Service.extend({ by: z.number().int().min(1).max(10) }),
      output: Service.extend({ instances: z.number().int(), added: z.number().int() }),
      run: async ({ service, by }) => {
        const current = await entry(service);
        const instances = Math.min(current.maxInstances, current.instances + by);
        await fleet.put({ ...current, instances });
        return { service, instances, added: instances - current.instances };
      },
    }),
    fleetState: defineTool({
      name: 'fleet_state',
      description:
        'Reads how many instances a service runs, whether it is drained, and how often it restarted',
      input: Service,
      output: Service.extend({
        instances: z.number().int(),
        drained: z.boolean(),
        restarts: z.number().int(),
      }),
      run: async ({ service }) => {
        const { instances, drained, restarts } = await entry(service);
        return { service, instances, drained, restarts };
      },
    }),
    deployHistory: defineTool({
      name: 'deploy_history',
      description: 'Lists the latest deploys of a service from the deploy log',
      input: Service,
      output: z.object({ deploys: z.array(z.object({ version: z.string(), at: z.string() })) }),
      run: async ({ service }) => {
        const log = await deployLog.get(`deploys:${service}`);
        if (log === undefined) throw new Error(`the deploy log has no ${service}`);
        return { deploys: log.deploys };
      },
    }),
  };
}
