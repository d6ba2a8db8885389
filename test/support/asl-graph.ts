import { readFileSync } from 'node:fs';

/** The parts of an ASL state the graph walk reads. */
export interface AslGraphState {
  readonly Type: string;
  readonly Next?: string;
  readonly End?: boolean;
  readonly Default?: string;
  readonly Choices?: readonly { readonly Next: string }[];
  readonly Catch?: readonly { readonly ErrorEquals: readonly string[]; readonly Next: string }[];
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
