import { AgentId, type MessageContext } from 'agentbridge';
import { type AnyTool, agentTool, defineTool } from 'agentbridge/patterns';
import * as z from 'zod';
import { type Fleet, FleetEntry } from '../runbooks/fleet.js';
import { RUNBOOK_AGENT_TYPE, RunRunbook } from '../runbooks/messages.js';

/** The runbook agent the assistant asks: the desk has one, keyed `desk`. */
export const DESK_RUNBOOKS = new AgentId(RUNBOOK_AGENT_TYPE, 'desk');

/** Reads one service's entry in the fleet: instances, whether it is drained, how often it was restarted. */
export const serviceStatusTool = (fleet: Fleet) =>
  defineTool({
    name: 'service_status',
    description: "Reports a fleet service's instances, maximum, drained flag and restart count",
    input: z.object({ service: z.string().min(1) }),
    output: FleetEntry.nullable(),
    run: async ({ service }) => (await fleet.get(service)) ?? null,
  });

/**
 * The assistant's tools for one question: the fleet's status, and the runbook agent as a tool (a `send`
 * through the handler's context, so the request carries the question's correlation id).
 */
export function assistantTools(fleet: Fleet, ctx: Pick<MessageContext, 'send'>): AnyTool[] {
  const runRunbook = agentTool({
    name: 'run_runbook',
    description:
      'Runs a desk runbook on a service: restart-service {service}, scale-out {service, cpuPercent}, ' +
      'collect-diagnostics {service}; answers with every step of the run',
    message: RunRunbook,
    recipient: DESK_RUNBOOKS,
    send: (type, message, recipient, options) => ctx.send(type, message, recipient, options),
  });
  return [serviceStatusTool(fleet), runRunbook] as AnyTool[];
}
