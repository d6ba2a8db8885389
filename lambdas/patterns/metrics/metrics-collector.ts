import { setTimeout as wait } from 'node:timers/promises';
import { type Clock, systemClock } from '../../contracts/clock.js';
import { type AlarmEvaluation, datapointsOf, evaluateAlarm, type MetricSample } from './alarm-evaluation.js';
import { InMemoryMetricSink, type MetricSink } from './metric-sinks.js';
import type { AlarmState, MetricsDeclaration, ResolvedAlertRule } from './metrics-declaration.js';
import { InvalidMetricsDeclarationError, MetricCollectionError } from './metrics-error.js';

/** Reads one metric now: a value, several (each a sample), or `undefined` for none this time (missing data). */
export type MetricSource = () =>
  | Promise<number | readonly number[] | undefined>
  | number
  | readonly number[]
  | undefined;

/** A rule that changed state at a collection. */
export interface AlertTransition extends AlarmEvaluation {
  readonly rule: ResolvedAlertRule;
  readonly from: AlarmState;
  readonly at: number;
}

/** What one collection did. */
export interface CollectionReport {
  readonly at: number;
  readonly samples: readonly MetricSample[];
  /** Every rule's evaluation after this collection. */
  readonly alerts: Readonly<Record<string, AlarmEvaluation>>;
  readonly transitions: readonly AlertTransition[];
  readonly attempts: number;
  /** What still failed after the retries; the rest was collected all the same. */
  readonly error: MetricCollectionError | undefined;
}

export interface MetricsCollectorOptions {
  readonly declaration: MetricsDeclaration;
  /** One source per declared metric, by metric name. */
  readonly sources: Readonly<Record<string, MetricSource>>;
  /** Where samples go besides `memory` (an {@link EmfMetricSink} on AWS). */
  readonly sinks?: readonly MetricSink[];
  /** The in-process sink the alert rules are evaluated on; a new one by default. */
  readonly memory?: InMemoryMetricSink;
  /** Default 5 000 ms: how long a failed collection waits before its failed parts are tried again. */
  readonly retryDelayMs?: number;
  /** Default 3: attempts of one collection (the first and two retries), so a tick ends within ~10 s. */
  readonly maxAttempts?: number;
  readonly clock?: Clock;
  /** Waits between retries and between runs; tests pass one that moves their clock. */
  readonly sleep?: (ms: number) => Promise<unknown>;
  readonly onAlert?: (transition: AlertTransition) => void | Promise<void>;
}

type Failure = MetricCollectionError['failures'][number];

/**
 * Collects a declaration's metrics from their sources into the sinks, and evaluates its alert rules on what
 * it collected with CloudWatch's alarm semantics ({@link evaluateAlarm}), reporting each change of state. A
 * collection whose sources or sinks fail is retried after 5 s, only the failed parts, up to `maxAttempts`;
 * what still fails is in the report's `error`, and its metrics are missing data for that period. In process,
 * `run` collects every `everySeconds`; deployed, the schedule invokes `collect` once per tick.
 *
 * @example
 * ```ts
 * const collector = new MetricsCollector({ declaration: DESK_HEALTH, sources: { IncidentBacklog: () => backlog() } });
 * const { alerts } = await collector.collect();
 * ```
 */
export class MetricsCollector {
  readonly declaration: MetricsDeclaration;
  readonly memory: InMemoryMetricSink;
  readonly #options: MetricsCollectorOptions;
  readonly #clock: Clock;
  readonly #sleep: (ms: number) => Promise<unknown>;
  readonly #states = new Map<string, AlarmState>();

  constructor(options: MetricsCollectorOptions) {
    const { declaration, sources } = options;
    const declared = new Set(declaration.metrics.map((metric) => metric.name));
    const problems = [
      ...[...declared].filter((name) => sources[name] === undefined).map((name) => `no source for ${name}`),
      ...Object.keys(sources)
        .filter((name) => !declared.has(name))
        .map((name) => `source ${name} reads an undeclared metric`),
    ];
    if (problems.length > 0) throw new InvalidMetricsDeclarationError(declaration.collector, problems);
    this.declaration = declaration;
    this.memory = options.memory ?? new InMemoryMetricSink();
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#sleep = options.sleep ?? wait;
    // A new CloudWatch alarm starts in INSUFFICIENT_DATA, before its first evaluation.
    for (const rule of declaration.alerts) this.#states.set(rule.name, 'INSUFFICIENT_DATA');
  }

  /** Each rule's current state. */
  alertStates(): Readonly<Record<string, AlarmState>> {
    return Object.fromEntries(this.#states);
  }

  /** One collection: every source read (failures retried), the samples written, the rules evaluated. */
  async collect(): Promise<CollectionReport> {
    const at = this.#clock.now();
    const maxAttempts = this.#options.maxAttempts ?? 3;
    const samples: MetricSample[] = [];
    let pendingSources = Object.entries(this.#options.sources);
    const sinks = [this.memory, ...(this.#options.sinks ?? [])];
    const written = new Set<MetricSink>();
    let failures: Failure[] = [];
    let attempts = 0;
    while (attempts < maxAttempts) {
      if (attempts > 0) await this.#sleep(this.#options.retryDelayMs ?? 5_000);
      attempts += 1;
      failures = [];
      const read: MetricSample[] = [];
      const stillPending: typeof pendingSources = [];
      for (const [metric, source] of pendingSources) {
        try {
          const value = await source();
          const values = value === undefined ? [] : typeof value === 'number' ? [value] : value;
          for (const each of values) read.push({ metric, value: each, timestamp: at });
        } catch (cause) {
          failures.push({ what: `source ${metric}`, cause });
          stillPending.push([metric, source]);
        }
      }
      samples.push(...read);
      pendingSources = stillPending;
      for (const [index, sink] of sinks.entries()) {
        // A sink that took the earlier attempts' samples gets only the new ones; one that failed gets all.
        const batch = written.has(sink) ? read : samples;
        try {
          if (batch.length > 0) await sink.write(batch);
          written.add(sink);
        } catch (cause) {
          written.delete(sink);
          failures.push({ what: `sink ${index}`, cause });
        }
      }
      if (failures.length === 0) break;
    }
    const error =
      failures.length === 0
        ? undefined
        : new MetricCollectionError(this.declaration.collector, attempts, failures);
    const { alerts, transitions } = await this.#evaluate(this.#clock.now());
    return { at, samples, alerts, transitions, attempts, error };
  }

  /** Collects every `everySeconds` until `signal` aborts (in process; deployed, the schedule does this). */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await this.collect();
      if (signal.aborted) break;
      await this.#sleep(this.declaration.everySeconds * 1_000);
    }
  }

  async #evaluate(now: number) {
    const alerts: Record<string, AlarmEvaluation> = {};
    const transitions: AlertTransition[] = [];
    for (const rule of this.declaration.alerts) {
      const from = this.#states.get(rule.name) ?? 'INSUFFICIENT_DATA';
      const evaluation = evaluateAlarm(rule, datapointsOf(rule, this.memory.samples(rule.metric), now), from);
      alerts[rule.name] = evaluation;
      this.#states.set(rule.name, evaluation.state);
      if (evaluation.state !== from) transitions.push({ ...evaluation, rule, from, at: now });
    }
    for (const transition of transitions) await this.#options.onAlert?.(transition);
    return { alerts, transitions };
  }
}
