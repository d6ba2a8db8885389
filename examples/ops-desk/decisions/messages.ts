import { defineMessage } from 'agentbridge';
import { DecisionOutcomeSchema, DecisionStepSchema } from 'agentbridge/patterns';
import * as z from 'zod';

const Amounts = z.record(z.string().regex(/^[a-z][\w-]{0,31}$/), z.number().nonnegative());

/** A remediation's capacity need for an incident: what the service's pool has, and what the fix requires. */
export const CapacityRequest = z.object({
  incidentId: z.string().regex(/^[\w-]{1,64}$/),
  service: z.string().min(1).max(64),
  available: Amounts,
  required: Amounts,
});
export type CapacityRequest = z.infer<typeof CapacityRequest>;

/**
 * Asks the desk's decision layers for a capacity grant, starting at the operational layer; answered with the
 * decision, the layer that took it and the path (every layer's confidence, peers consulted, errors).
 */
export const DecideCapacity = defineMessage('DecideCapacity', CapacityRequest, {
  response: DecisionOutcomeSchema,
});

/** One layer passing a capacity request it could not settle to the layer above, with the path so far. */
export const EscalateCapacityDecision = defineMessage(
  'EscalateCapacityDecision',
  z.object({ request: CapacityRequest, path: z.array(DecisionStepSchema) }),
  { response: DecisionOutcomeSchema },
);

export const OPERATIONAL_AGENT_TYPE = 'decide-operational';
export const TACTICAL_AGENT_TYPE = 'decide-tactical';
export const STRATEGIC_AGENT_TYPE = 'decide-strategic';
