import { type Decider, type Decision, type DecisionStep, declined } from './decision.js';

/** The reference deciders' requests, by decision type. */
export type ReferenceRequest =
  | {
      readonly decisionType: 'resource_allocation';
      readonly available: Readonly<Record<string, number>>;
      readonly required: Readonly<Record<string, number>>;
    }
  | {
      readonly decisionType: 'task_prioritisation';
      readonly tasks: readonly { readonly id: string; readonly urgency: number; readonly impact: number }[];
    }
  | {
      readonly decisionType: 'process_optimisation';
      readonly steps: readonly { readonly name: string; readonly dependsOn: readonly string[] }[];
    }
  | {
      readonly decisionType: 'capacity_planning';
      /** Forecast demand per hour, in the unit `perInstance` serves. */
      readonly forecast: readonly number[];
      readonly perInstance: number;
      readonly instances: number;
    };

/**
 * Grants each required resource `min(available, required)`; every shortfall multiplies the confidence by 0.7
 * (the grant leaves the need unmet).
 */
export function allocateResources(
  available: Readonly<Record<string, number>>,
  required: Readonly<Record<string, number>>,
): Decision<{ allocation: Record<string, number>; shortfall: Record<string, number> }> {
  const allocation: Record<string, number> = {};
  const shortfall: Record<string, number> = {};
  let confidence = 1;
  for (const [resource, need] of Object.entries(required)) {
    const have = available[resource] ?? 0;
    allocation[resource] = Math.min(have, need);
    if (have < need) {
      shortfall[resource] = need - have;
      confidence *= 0.7;
    }
  }
  const short = Object.keys(shortfall);
  const reason = short.length === 0 ? 'every required resource is available' : `short of ${short.join(', ')}`;
  return { data: { allocation, shortfall }, confidence, reason };
}

/**
 * Orders tasks by urgency × impact, highest first (ties by id); sure (0.95) when every score differs, × 0.7
 * per pair of tasks the scores cannot tell apart.
 */
export function prioritiseTasks(
  tasks: readonly { readonly id: string; readonly urgency: number; readonly impact: number }[],
): Decision<{ order: string[] }> {
  const scored = tasks.map((task) => ({ id: task.id, score: task.urgency * task.impact }));
  scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let ties = 0;
  for (let i = 1; i < scored.length; i++) if (scored[i]?.score === scored[i - 1]?.score) ties++;
  return {
    data: { order: scored.map((task) => task.id) },
    confidence: 0.95 * 0.7 ** ties,
    reason: ties === 0 ? 'scores all differ' : `${ties} tie(s) ordered by id`,
  };
}

/** Groups process steps into waves that can run in parallel (each after the waves it depends on). */
export function optimiseProcess(
  steps: readonly { readonly name: string; readonly dependsOn: readonly string[] }[],
): Decision<{ waves: string[][] }> {
  const done = new Set<string>();
  const waves: string[][] = [];
  let left = [...steps];
  while (left.length > 0) {
    const wave = left.filter((step) => step.dependsOn.every((name) => done.has(name)));
    if (wave.length === 0) {
      throw new Error(
        `the steps ${left.map((step) => step.name).join(', ')} depend on each other or on none given`,
      );
    }
    for (const step of wave) done.add(step.name);
    waves.push(wave.map((step) => step.name));
    left = left.filter((step) => !done.has(step.name));
  }
  return { data: { waves }, confidence: 0.9, reason: `${steps.length} steps in ${waves.length} waves` };
}

/**
 * Instances for the forecast's peak with 20% headroom; surer with a longer forecast (0.5 + hours / 48, at
 * most 0.95: a day of forecast makes it sure).
 */
export function planCapacity(
  forecast: readonly number[],
  perInstance: number,
  instances: number,
): Decision<{ instances: number; change: number }> {
  if (forecast.length === 0 || !(perInstance > 0))
    throw new Error('capacity planning needs a forecast and perInstance > 0');
  const needed = Math.max(1, Math.ceil((Math.max(...forecast) * 1.2) / perInstance));
  return {
    data: { instances: needed, change: needed - instances },
    confidence: Math.min(0.95, 0.5 + forecast.length / 48),
    reason: `peak ${Math.max(...forecast)} over ${forecast.length}h`,
  };
}

/** The surest decision the layers below made (a consensus counts), or undefined. */
export function surestBelow<D>(below: readonly DecisionStep<D>[]): Decision<D> | undefined {
  let surest: Decision<D> | undefined;
  for (const step of below) {
    for (const decision of [step.decision, step.consensus]) {
      if (decision !== undefined && (surest === undefined || decision.confidence > surest.confidence)) {
        surest = decision;
      }
    }
  }
  return surest;
}

/** The operational layer: resource allocation and task prioritisation; anything else it declines. */
export const operationalDecider: Decider<ReferenceRequest, unknown> = {
  name: 'operational',
  decide(request) {
    if (request.decisionType === 'resource_allocation') {
      return allocateResources(request.available, request.required);
    }
    if (request.decisionType === 'task_prioritisation') return prioritiseTasks(request.tasks);
    return declined(`operational does not decide ${request.decisionType}`);
  },
};

/**
 * The tactical layer: process optimisation and capacity planning; anything else it decides by combining the
 * lower layers' input — their surest decision, with the tactical review halving its doubt
 * (`1 - (1 - c) / 2`) — and declines when there is none.
 */
export const tacticalDecider: Decider<ReferenceRequest, unknown> = {
  name: 'tactical',
  decide(request, { below }) {
    if (request.decisionType === 'process_optimisation') return optimiseProcess(request.steps);
    if (request.decisionType === 'capacity_planning') {
      return planCapacity(request.forecast, request.perInstance, request.instances);
    }
    const lower = surestBelow(below);
    if (lower === undefined) return declined('no lower layer decided anything to combine');
    return {
      data: lower.data,
      confidence: 1 - (1 - lower.confidence) / 2,
      reason: `reviewed the lower layers' decision (${lower.reason})`,
    };
  },
};
