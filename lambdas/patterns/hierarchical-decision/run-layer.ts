import { isAgentbridgeError } from '../../contracts/agentbridge-error.js';
import {
  type Decider,
  type Decision,
  type DecisionLayer,
  type DecisionStep,
  type DecisionThresholds,
  type Declined,
  isDeclined,
  type LayerContext,
  type PeerOpinion,
  type RecordedError,
} from './decision.js';
import { InvalidDecisionError } from './hierarchical-decision-error.js';

/** Which decisions count as the same when peers vote (default: equal data, as canonical JSON). */
export type DecisionKey<D> = (data: D) => string;

/** JSON with object keys sorted, so `{ a, b }` and `{ b, a }` are one decision. */
export const canonicalKey = (data: unknown): string =>
  JSON.stringify(data, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );

export const recordError = (error: unknown): RecordedError =>
  isAgentbridgeError(error)
    ? { name: error.name, code: error.code, message: error.message }
    : error instanceof Error
      ? { name: error.name, code: 'DECIDER_FAILED', message: error.message }
      : { name: 'Error', code: 'DECIDER_FAILED', message: String(error) };

/** Asks a decider, checking that a decision's confidence is a number in [0, 1]. */
async function ask<R, D>(
  decider: Decider<R, D>,
  request: R,
  context: LayerContext<D>,
): Promise<Decision<D> | Declined> {
  const answer = await decider.decide(request, context);
  if (isDeclined(answer)) return answer;
  const { confidence } = answer;
  if (typeof confidence !== 'number' || !Number.isFinite(confidence) || confidence < 0 || confidence > 1) {
    throw new InvalidDecisionError(decider.name, `confidence ${String(confidence)} is not in [0, 1]`);
  }
  return answer;
}

/**
 * The consensus of a layer and its peers: the opinions are grouped by decision; the group with the most
 * confidence in total wins (the layer's own on a tie), and its confidence is that total over every opinion
 * asked — a peer that disagrees, declines or fails counts as no support — so the consensus is only sure when
 * most of the layer is.
 */
function consensusOf<D>(
  own: Decision<D>,
  peers: readonly PeerOpinion<D>[],
  keyOf: DecisionKey<D>,
): Decision<D> {
  const ownKey = keyOf(own.data);
  const support = new Map<string, { data: D; total: number; names: string[] }>([
    [ownKey, { data: own.data, total: own.confidence, names: ['the layer'] }],
  ]);
  for (const { peer, decision } of peers) {
    if (decision === undefined) continue;
    const key = keyOf(decision.data);
    const group = support.get(key) ?? { data: decision.data, total: 0, names: [] };
    group.total += decision.confidence;
    group.names.push(peer);
    support.set(key, group);
  }
  let best = support.get(ownKey) ?? { data: own.data, total: own.confidence, names: [] };
  for (const group of support.values()) if (group.total > best.total) best = group;
  const confidence = Math.min(1, best.total / (peers.length + 1));
  return { data: best.data, confidence, reason: `consensus of ${best.names.join(', ')}` };
}

/**
 * Runs one layer on a request: its decider, then (when it is fairly sure) its peers, concurrently, and their
 * consensus. The step says whether the layer decided, agreed, escalated, declined or failed; a throw is
 * recorded, never raised, so the request can go up.
 */
export async function runLayer<R, D>(
  layer: DecisionLayer<R, D>,
  request: R,
  below: readonly DecisionStep<D>[],
  thresholds: DecisionThresholds,
  keyOf: DecisionKey<D> = canonicalKey,
): Promise<DecisionStep<D>> {
  const context: LayerContext<D> = { layer: layer.name, below };
  let answer: Decision<D> | Declined;
  try {
    answer = await ask(layer.decider, request, context);
  } catch (error) {
    return { layer: layer.name, verdict: 'failed', peers: [], error: recordError(error) };
  }
  if (isDeclined(answer))
    return { layer: layer.name, verdict: 'declined', peers: [], declined: answer.reason };
  if (answer.confidence > thresholds.decideAbove) {
    return { layer: layer.name, verdict: 'decided', decision: answer, peers: [] };
  }
  const peerDeciders = layer.peers ?? [];
  if (answer.confidence <= thresholds.consultAbove || peerDeciders.length === 0) {
    return { layer: layer.name, verdict: 'escalated', decision: answer, peers: [] };
  }
  const ownKey = keyOf(answer.data);
  const peers = await Promise.all(
    peerDeciders.map(async (peer): Promise<PeerOpinion<D>> => {
      try {
        const opinion = await ask(peer, request, context);
        if (isDeclined(opinion)) return { peer: peer.name, agrees: false, declined: opinion.reason };
        return { peer: peer.name, decision: opinion, agrees: keyOf(opinion.data) === ownKey };
      } catch (error) {
        return { peer: peer.name, agrees: false, error: recordError(error) };
      }
    }),
  );
  const consensus = consensusOf(answer, peers, keyOf);
  const verdict = consensus.confidence > thresholds.decideAbove ? 'agreed' : 'escalated';
  return { layer: layer.name, verdict, decision: answer, peers, consensus };
}
