import { emitMetric, type PatternMetrics } from '../../contracts/pattern-metrics.js';
import type { MetricSample } from './alarm-evaluation.js';
import type { MetricDeclaration, MetricsDeclaration } from './metrics-declaration.js';

/** Where a collection's samples go: CloudWatch through EMF on AWS, memory in process. */
export interface MetricSink {
  write(samples: readonly MetricSample[]): Promise<void> | void;
}

/**
 * Keeps samples in process, for the collector's alert rules, a local dashboard or a test; samples older
 * than `retainMs` (default one day, the longest span a rule may look back) are dropped as new ones arrive.
 */
export class InMemoryMetricSink implements MetricSink {
  readonly #samples: MetricSample[] = [];
  readonly #retainMs: number;

  constructor(options: { readonly retainMs?: number } = {}) {
    this.#retainMs = options.retainMs ?? 86_400_000;
  }

  write(samples: readonly MetricSample[]): void {
    this.#samples.push(...samples);
    const newest = Math.max(...this.#samples.map((sample) => sample.timestamp));
    const firstKept = this.#samples.findIndex((sample) => sample.timestamp > newest - this.#retainMs);
    if (firstKept > 0) this.#samples.splice(0, firstKept);
  }

  /** Every sample kept, oldest first; of one metric when named. */
  samples(metric?: string): readonly MetricSample[] {
    return metric === undefined ? [...this.#samples] : this.#samples.filter((s) => s.metric === metric);
  }
}

/**
 * Writes samples as CloudWatch embedded metric format through the metrics port (Powertools `Metrics`, whose
 * service name is the collector, so each metric carries the declaration's `service` dimension): one EMF
 * record per sample, in the declared unit, which CloudWatch turns into the metrics the alarms watch.
 *
 * @example
 * ```ts
 * const sink = new EmfMetricSink(DESK_HEALTH, new Metrics({ namespace: 'agentbridge', serviceName: 'desk-health' }));
 * ```
 */
export class EmfMetricSink implements MetricSink {
  readonly #metrics: PatternMetrics;
  readonly #declared: ReadonlyMap<string, MetricDeclaration>;

  constructor(declaration: MetricsDeclaration, metrics: PatternMetrics) {
    this.#metrics = metrics;
    this.#declared = new Map(declaration.metrics.map((metric) => [metric.name, metric]));
  }

  write(samples: readonly MetricSample[]): void {
    for (const sample of samples) {
      const unit = this.#declared.get(sample.metric)?.unit ?? 'None';
      emitMetric(this.#metrics, sample.metric, unit, sample.value, {});
    }
  }
}

/** A sample as read back from one EMF record (a function's log line), with the dimensions it carried. */
export interface EmfSample extends MetricSample {
  readonly namespace: string;
  readonly unit: string | undefined;
  readonly dimensions: Readonly<Record<string, string>>;
}

/**
 * The samples of one log line when it is an EMF record (else none): what CloudWatch Logs would extract,
 * for reading a collector's output where no CloudWatch runs (the local cloud, a test).
 */
export function samplesOfEmfLine(line: string): EmfSample[] {
  const start = line.indexOf('{"_aws"');
  if (start < 0) return [];
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line.slice(start)) as Record<string, unknown>;
  } catch {
    return [];
  }
  const aws = record._aws as
    | {
        Timestamp?: number;
        CloudWatchMetrics?: {
          Namespace: string;
          Dimensions: string[][];
          Metrics: { Name: string; Unit?: string }[];
        }[];
      }
    | undefined;
  const samples: EmfSample[] = [];
  for (const directive of aws?.CloudWatchMetrics ?? []) {
    const names = directive.Dimensions[0] ?? [];
    const dimensions = Object.fromEntries(names.map((name) => [name, String(record[name])]));
    for (const metric of directive.Metrics) {
      const raw = record[metric.Name];
      for (const value of Array.isArray(raw) ? raw : [raw]) {
        if (typeof value !== 'number') continue;
        samples.push({
          metric: metric.Name,
          value,
          timestamp: aws?.Timestamp ?? 0,
          namespace: directive.Namespace,
          unit: metric.Unit,
          dimensions,
        });
      }
    }
  }
  return samples;
}
