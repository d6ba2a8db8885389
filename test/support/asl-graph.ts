import { readFileSync } from 'node:fs';

/** The parts of an ASL state the graph walk reads. */
export interface AslGraphState {
  readonly Type: string;
  readonly Next?: string;
  readonly End?: boolean;
  readonly Default?: string;
  readonly Choices?: readonly { readonly Next: string }[];
  readonly Catch?: readonly { readonly ErrorEquals: readonly string[]; readonly Next: string }[];
  readonly TimeoutSeconds?: number;
  readonly Seconds?: number;
  readonly Retry?: readonly AslRetrier[];
}

/** One Retry entry, with the ASL defaults applied by {@link longestRunSeconds}. */
export interface AslRetrier {
  readonly ErrorEquals: readonly string[];
  readonly IntervalSeconds?: number;
  readonly MaxAttempts?: number;
  readonly BackoffRate?: number;
  readonly MaxDelaySeconds?: number;
}

export interface AslGraph {
  readonly StartAt: string;
  readonly States: Readonly<Record<string, AslGraphState>>;
}

/** Reads an ASL file (top level only: the walk does not enter Parallel branches or Map iterators). */
export function readAslGraph(path: string | URL): AslGraph {
  return JSON.parse(readFileSync(path, 'utf8')) as AslGraph;
}

/** Where a state can go next: its Next, its Choices and Default, and its Catch targets. */
export function successors(state: AslGraphState): string[] {
  const next = [
    ...(state.Next === undefined ? [] : [state.Next]),
    ...(state.Choices ?? []).map((choice) => choice.Next),
    ...(state.Default === undefined ? [] : [state.Default]),
    ...(state.Catch ?? []).map((handler) => handler.Next),
  ];
  return [...new Set(next)];
}

/** A state that ends an execution: Succeed, Fail, or any state with `End: true`. */
export const isTerminal = (state: AslGraphState): boolean =>
  state.Type === 'Succeed' || state.Type === 'Fail' || state.End === true;

/** Every state reachable from `from` (not counting `from` itself unless a cycle leads back to it). */
export function reachableFrom(graph: AslGraph, from: string): Set<string> {
  const seen = new Set<string>();
  const queue = successors(stateOf(graph, from));
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...successors(stateOf(graph, name)));
  }
  return seen;
}

/**
 * Every path that leaves a Catch of one of the `from` states and ends the execution without passing a state
 * that `isSafe` accepts (compensation, or a parked and alarmed state). Each path starts at the caught state
 * and ends at the terminal state it reaches. An empty result means every failure after those states is
 * compensated or parked. Cycles are followed once.
 *
 * @example
 * ```ts
 * const graph = readAslGraph('statemachines/order-saga.asl.json');
 * const after = reachableFrom(graph, 'ChargePayment');
 * expect(uncompensatedCatchPaths(graph, [...after, 'ChargePayment'], (s) => s === 'RefundPayment')).toEqual([]);
 * ```
 */
export function uncompensatedCatchPaths(
  graph: AslGraph,
  from: Iterable<string>,
  isSafe: (name: string, state: AslGraphState) => boolean,
): string[][] {
  const paths: string[][] = [];
  for (const caught of from) {
    for (const handler of stateOf(graph, caught).Catch ?? []) {
      walk(graph, [caught, handler.Next], isSafe, paths);
    }
  }
  return paths;
}

function walk(
  graph: AslGraph,
  path: string[],
  isSafe: (name: string, state: AslGraphState) => boolean,
  paths: string[][],
): void {
  const name = path[path.length - 1] as string;
  const state = stateOf(graph, name);
  if (isSafe(name, state)) return;
  if (isTerminal(state)) {
    paths.push(path);
    return;
  }
  for (const next of successors(state)) {
    if (path.includes(next)) continue;
    walk(graph, [...path, next], isSafe, paths);
  }
}

function stateOf(graph: AslGraph, name: string): AslGraphState {
  const state = graph.States[name];
  if (state === undefined) throw new Error(`the definition has no state named ${name}`);
  return state;
}

/**
 * The longest a state can take, every attempt running to its TimeoutSeconds and every backoff at its
 * maximum: (1 + the retriers' MaxAttempts together) attempts, plus each retrier's waits, interval × rate^n
 * capped at MaxDelaySeconds (a full-jitter wait is at most that). A Task without TimeoutSeconds, or a Wait
 * that is not a fixed number of seconds, is unbounded; Parallel and Map are not walked.
 */
export function longestStateSeconds(state: AslGraphState): number {
  if (state.Type === 'Wait') return state.Seconds ?? Number.POSITIVE_INFINITY;
  if (state.Type === 'Parallel' || state.Type === 'Map') return Number.POSITIVE_INFINITY;
  if (state.Type !== 'Task') return 0;
  const timeout = state.TimeoutSeconds ?? Number.POSITIVE_INFINITY;
  let attempts = 1;
  let waits = 0;
  for (const retrier of state.Retry ?? []) {
    const max = retrier.MaxAttempts ?? 3;
    let interval = retrier.IntervalSeconds ?? 1;
    for (let retry = 0; retry < max; retry += 1) {
      waits += Math.min(interval, retrier.MaxDelaySeconds ?? Number.POSITIVE_INFINITY);
      interval *= retrier.BackoffRate ?? 2;
    }
    attempts += max;
  }
  return attempts * timeout + waits;
}

/**
 * The longest time from entering `from` to the end of the execution over every path (Next, Choices, Default
 * and Catch), each state at {@link longestStateSeconds}, and the path it takes. A cycle makes it unbounded.
 *
 * @example
 * ```ts
 * const { seconds, path } = longestRunSeconds(readAslGraph('statemachines/order-saga.asl.json'), 'Resume');
 * ```
 */
export function longestRunSeconds(graph: AslGraph, from: string): { seconds: number; path: string[] } {
  const memo = new Map<string, { seconds: number; path: string[] }>();
  const visit = (name: string, onPath: ReadonlySet<string>): { seconds: number; path: string[] } => {
    if (onPath.has(name)) return { seconds: Number.POSITIVE_INFINITY, path: [name] };
    const known = memo.get(name);
    if (known !== undefined) return known;
    const state = stateOf(graph, name);
    const own = longestStateSeconds(state);
    const inner = new Set([...onPath, name]);
    const tails = isTerminal(state) ? [] : successors(state).map((next) => visit(next, inner));
    const tail = tails.sort((a, b) => b.seconds - a.seconds)[0] ?? { seconds: 0, path: [] };
    const result = { seconds: own + tail.seconds, path: [name, ...tail.path] };
    memo.set(name, result);
    return result;
  };
  return visit(from, new Set());
}
