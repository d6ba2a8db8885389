import type { PatternMetrics } from '../../lambdas/contracts/pattern-metrics.js';

/** One metric as the pattern emitted it, with its own dimensions. */
export interface RecordedMetric {
  readonly name: string;
  readonly unit: string;
  readonly value: number;
  readonly dimensions: Readonly<Record<string, string>>;
}

/** A `PatternMetrics` that keeps what it was given, for tests to read. */
export class RecordingPatternMetrics implements PatternMetrics {
  readonly recorded: RecordedMetric[] = [];

  singleMetric() {
    const dimensions: Record<string, string> = {};
    return {
      addDimension: (name: string, value: string) => {
        dimensions[name] = value;
      },
      addMetric: (name: string, unit: string, value: number) => {
        this.recorded.push({ name, unit, value, dimensions: { ...dimensions } });
      },
    };
  }

  /** The values of metric `name` whose dimensions include `where`. */
  values(name: string, where: Readonly<Record<string, string>> = {}): number[] {
    return this.recorded
      .filter((metric) => metric.name === name)
      .filter((metric) => Object.entries(where).every(([key, value]) => metric.dimensions[key] === value))
      .map((metric) => metric.value);
  }
}
