import {
  allocateResources,
  type Decider,
  type DecisionLayer,
  operationalDecider,
  type ReferenceRequest,
  surestBelow,
  tacticalDecider,
} from 'agentbridge/patterns';
import type { CapacityRequest } from './messages.js';

/** The desk's capacity request as the reference deciders read it. */
export const allocationRequest = (request: CapacityRequest): ReferenceRequest => ({
  decisionType: 'resource_allocation',
  available: request.available,
  required: request.required,
});

/**
 * The operational layer's peer: the same grant, judged by the headroom it leaves — sure (0.9) when every
 * resource keeps a fifth of what was available, doubtful (0.3) when the grant drains a pool.
 */
export const headroomPeer: Decider<ReferenceRequest, unknown> = {
  name: 'headroom',
  decide(request, context) {
    if (request.decisionType !== 'resource_allocation') {
      return operationalDecider.decide(request, context);
    }
    const grant = allocateResources(request.available, request.required);
    const drained = Object.entries(grant.data.allocation).filter(
      ([resource, amount]) =>
        (request.available[resource] ?? 0) - amount < (request.available[resource] ?? 0) / 5,
    );
    return {
      data: grant.data,
      confidence: drained.length === 0 ? 0.9 : 0.3,
      reason:
        drained.length === 0
          ? 'a fifth of every pool stays free'
          : `drains ${drained.map(([r]) => r).join(', ')}`,
    };
  },
};

/**
 * The strategic layer: it can buy capacity, so a shortfall the layers below could not cover becomes an
 * approved expansion of the whole requirement (0.9); with no shortfall it endorses the surest lower decision.
 */
export const strategicDecider: Decider<ReferenceRequest, unknown> = {
  name: 'strategic',
  decide(request, { below }) {
    if (request.decisionType === 'resource_allocation') {
      const grant = allocateResources(request.available, request.required);
      if (Object.keys(grant.data.shortfall).length > 0) {
        return {
          data: { allocation: { ...request.required }, shortfall: {}, expand: grant.data.shortfall },
          confidence: 0.9,
          reason: `approved buying ${Object.keys(grant.data.shortfall).join(', ')} capacity`,
        };
      }
    }
    const lower = surestBelow(below);
    if (lower === undefined) throw new Error('nothing below to endorse and no shortfall to fund');
    return { ...lower, reason: `endorsed: ${lower.reason}` };
  },
};

/**
 * The desk's three layers. Peers are in-process deciders of their layer (the operational layer's headroom
 * check), not agents: a peer's opinion is one function call, and sending it a message would add a hop and a
 * failure mode for no state it keeps. The tactical and strategic layers have no peers, so a fairly sure
 * tactical decision escalates.
 */
export const DESK_LAYERS = {
  operational: { name: 'operational', decider: operationalDecider, peers: [headroomPeer] },
  tactical: { name: 'tactical', decider: tacticalDecider },
  strategic: { name: 'strategic', decider: strategicDecider },
} as const satisfies Record<string, DecisionLayer<ReferenceRequest, unknown>>;
