/** One printed result: `{"name","value","unit"}`. */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

/**
 * One benchmark: `run` measures and returns a value in `unit`, or several named results measured together
 * (a suite whose figures share one expensive setup). The runner prints one JSON line per result,
 * `{"name","value","unit"}`, so ratios can be read side by side from one run.
 */
export interface Bench {
  readonly name: string;
  readonly unit: string;
  run(): Promise<number | readonly BenchResult[]>;
}
