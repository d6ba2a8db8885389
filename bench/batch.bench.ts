import {
  type Aggregator,
  BatchAggregator,
  type BatchTimers,
} from '../lambdas/patterns/batch-aggregator/batch-aggregator.js';
import type { Bench, BenchResult } from './bench.js';

/**
 * Calls saved by batching, measured on a virtual clock so the figures do not depend on the machine: requests
 * arrive at a rate (exponential gaps, a fixed seed) with the desk's mix of keys (configuration lookups and
 * metric reads, one in four urgent), and every downstream call is counted, once with one call per request
 * and once through a `BatchAggregator` (window 50 ms, several batch sizes), side by side. The queue-fed shape
 * is measured too: SQS batches of a size, each answered with one call per key in it.
 */

/** A seeded generator (mulberry32): the same arrivals on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Timers on a virtual clock: `runUntil` fires, in order, every timer due by then. */
class VirtualTimers implements BatchTimers {
  now = 0;
  readonly #armed = new Map<number, { at: number; fire: () => void }>();
  #next = 0;

  set(fire: () => void, ms: number): number {
    this.#next += 1;
    this.#armed.set(this.#next, { at: this.now + ms, fire });
    return this.#next;
  }

  clear(handle: unknown): void {
    this.#armed.delete(handle as number);
  }

  runUntil(time: number): void {
    for (;;) {
      const due = [...this.#armed]
        .filter(([, timer]) => timer.at <= time)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      this.#armed.delete(due[0]);
      this.now = due[1].at;
      due[1].fire();
    }
    this.now = time;
  }
}

const REQUESTS = 2_000;
const WINDOW_MS = 50;

interface Arrival {
  readonly at: number;
  readonly type: string;
  readonly priority: string;
}

/** The desk's mix: three in four configuration lookups, one in four urgent. */
function arrivals(perSecond: number, seed: number): Arrival[] {
  const next = random(seed);
  let at = 0;
  return Array.from({ length: REQUESTS }, () => {
    at += (-Math.log(1 - next()) / perSecond) * 1_000;
    return {
      at,
      type: next() < 0.75 ? 'database_query' : 'api_call',
      priority: next() < 0.25 ? 'urgent' : 'routine',
    };
  });
}

/** Downstream calls per request through an aggregator of `maxSize` fed `arriving`. */
async function batchedCallsPerRequest(arriving: readonly Arrival[], maxSize: number): Promise<number> {
  const timers = new VirtualTimers();
  let calls = 0;
  const call: Aggregator<number, number> = async (batch) => {
    calls += 1;
    return new Map(batch.requests.map((request) => [request.id, request.payload]));
  };
  const aggregator = new BatchAggregator<number, number>({
    name: 'bench',
    maxSize,
    windowMs: WINDOW_MS,
    timers,
    aggregators: { database_query: call, api_call: call },
  });
  const answers = arriving.map((arrival, index) => {
    timers.runUntil(arrival.at);
    return aggregator.submit({
      id: String(index),
      type: arrival.type,
      priority: arrival.priority,
      payload: index,
    });
  });
  timers.runUntil(Number.POSITIVE_INFINITY);
  await Promise.all(answers);
  if (aggregator.stats().callsSaved !== REQUESTS - calls)
    throw new Error('batch bench: stats disagree with calls');
  return calls / REQUESTS;
}

/** Calls per request when a queue hands over `batchSize` requests at a time, one call per key in each. */
async function queuedCallsPerRequest(arriving: readonly Arrival[], batchSize: number): Promise<number> {
  let calls = 0;
  const call: Aggregator<number, number> = async (batch) => {
    calls += 1;
    return new Map(batch.requests.map((request) => [request.id, request.payload]));
  };
  const aggregator = new BatchAggregator<number, number>({
    name: 'bench',
    maxSize: batchSize,
    windowMs: 60_000,
    timers: { set: () => undefined, clear: () => undefined },
    aggregators: { database_query: call, api_call: call },
  });
  for (let start = 0; start < arriving.length; start += batchSize) {
    const answers = arriving.slice(start, start + batchSize).map((arrival, index) =>
      aggregator.submit({
        id: String(start + index),
        type: arrival.type,
        priority: arrival.priority,
        payload: 0,
      }),
    );
    await aggregator.flush();
    await Promise.all(answers);
  }
  return calls / REQUESTS;
}

async function inProcess(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const perSecond of [10, 100, 1_000]) {
    const arriving = arrivals(perSecond, 7);
    results.push({
      name: `batch.in_process.${perSecond}_per_s.unbatched.calls_per_request`,
      value: 1,
      unit: 'calls',
    });
    for (const maxSize of [10, 50]) {
      const perRequest = await batchedCallsPerRequest(arriving, maxSize);
      const name = `batch.in_process.${perSecond}_per_s.max_${maxSize}`;
      results.push({ name: `${name}.calls_per_request`, value: perRequest, unit: 'calls' });
      results.push({ name: `${name}.calls_saved_per_request`, value: 1 - perRequest, unit: 'calls' });
    }
  }
  return results;
}

async function queued(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const arriving = arrivals(100, 11);
  for (const batchSize of [1, 10, 25, 50]) {
    const perRequest = await queuedCallsPerRequest(arriving, batchSize);
    results.push({
      name: `batch.queue.batch_${batchSize}.calls_per_request`,
      value: perRequest,
      unit: 'calls',
    });
    results.push({
      name: `batch.queue.batch_${batchSize}.calls_saved_per_request`,
      value: 1 - perRequest,
      unit: 'calls',
    });
  }
  return results;
}

export const benches: Bench[] = [
  { name: 'batch.in_process', unit: 'calls', run: inProcess },
  { name: 'batch.queue', unit: 'calls', run: queued },
];
