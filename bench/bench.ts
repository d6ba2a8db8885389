/**
 * One benchmark: `run` measures and returns a value in `unit`. The runner prints one JSON line per result,
 * `{"name","value","unit"}`, so ratios can be read side by side from one run.
 */
export interface Bench {
  readonly name: string;
  readonly unit: string;
  run(): Promise<number>;
}
