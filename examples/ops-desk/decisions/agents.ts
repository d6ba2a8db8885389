import { AgentId, declareAgent, defineAgent, type MessageContext } from 'agentbridge';
import {
  type DecisionOutcome,
  type DecisionStep,
  HierarchicalDecision,
  type ReferenceRequest,
} from 'agentbridge/patterns';
import { agentFunctionTables } from 'agentbridge/stores';
import { allocationRequest, DESK_LAYERS } from './deciders.js';
import {
  type CapacityRequest,
  DecideCapacity,
  EscalateCapacityDecision,
  OPERATIONAL_AGENT_TYPE,
  STRATEGIC_AGENT_TYPE,
  TACTICAL_AGENT_TYPE,
} from './messages.js';

/**
 * Escalation is a `send` to the next layer's agent, keyed by incident: it answers with the outcome of every
 * layer from there up, which this layer returns as its own answer.
 */
const sendUp =
  (ctx: MessageContext, above: string, request: CapacityRequest) =>
  (_request: ReferenceRequest, path: readonly DecisionStep<unknown>[]): Promise<DecisionOutcome<unknown>> =>
    ctx.send(EscalateCapacityDecision, { request, path: [...path] }, new AgentId(above, request.incidentId));

const operational = new HierarchicalDecision([DESK_LAYERS.operational]);
const tactical = new HierarchicalDecision([DESK_LAYERS.tactical]);
const strategic = new HierarchicalDecision([DESK_LAYERS.strategic]);

/** The operational layer: takes `DecideCapacity`, grants what the pool has, consults its headroom peer. */
export const DECIDE_OPERATIONAL_AGENT = declareAgent({
  agentType: OPERATIONAL_AGENT_TYPE,
  skipDirectMessageSubscription: true,
  tables: agentFunctionTables(OPERATIONAL_AGENT_TYPE),
  sendsTo: [TACTICAL_AGENT_TYPE],
  define: () =>
    defineAgent({
      description: 'Decides capacity grants from the pool; escalates to the tactical layer',
      handlers: (on) => [
        on.rpc(DecideCapacity, (request, ctx) =>
          operational.decide(allocationRequest(request), {
            escalate: sendUp(ctx, TACTICAL_AGENT_TYPE, request),
          }),
        ),
      ],
    }),
});

/** The tactical layer: reviews what the operational layer escalated; escalates to the strategic layer. */
export const DECIDE_TACTICAL_AGENT = declareAgent({
  agentType: TACTICAL_AGENT_TYPE,
  skipDirectMessageSubscription: true,
  tables: agentFunctionTables(TACTICAL_AGENT_TYPE),
  sendsTo: [STRATEGIC_AGENT_TYPE],
  define: () =>
    defineAgent({
      description: 'Reviews escalated capacity decisions; escalates to the strategic layer',
      handlers: (on) => [
        on.rpc(EscalateCapacityDecision, ({ request, path }, ctx) =>
          tactical.decide(allocationRequest(request), {
            path,
            escalate: sendUp(ctx, STRATEGIC_AGENT_TYPE, request),
          }),
        ),
      ],
    }),
});

/** The strategic layer, the top: funds a shortfall or endorses a lower decision; answers its best effort. */
export const DECIDE_STRATEGIC_AGENT = declareAgent({
  agentType: STRATEGIC_AGENT_TYPE,
  skipDirectMessageSubscription: true,
  tables: agentFunctionTables(STRATEGIC_AGENT_TYPE),
  define: () =>
    defineAgent({
      description: 'Decides what the layers below could not: the best effort of the desk',
      handlers: (on) => [
        on.rpc(EscalateCapacityDecision, ({ request, path }) =>
          strategic.decide(allocationRequest(request), { path }),
        ),
      ],
    }),
});

export const DECISION_AGENTS = [DECIDE_OPERATIONAL_AGENT, DECIDE_TACTICAL_AGENT, DECIDE_STRATEGIC_AGENT];
