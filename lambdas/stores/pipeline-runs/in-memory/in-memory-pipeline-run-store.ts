import {
  assertRunId,
  encodePipelineRun,
  type PipelineRun,
  PipelineRunConflictError,
  type PipelineRunStore,
} from '../pipeline-run.js';

/**
 * Pipeline runs in a `Map`, for tests and in-process runs: the same version rule and checks as the DynamoDB
 * adapter, and copies stored.
 *
 * @example
 * ```ts
 * const pipeline = intake.build({ runs: new InMemoryPipelineRunStore() });
 * ```
 */
export class InMemoryPipelineRunStore implements PipelineRunStore {
  readonly #runs = new Map<string, string>();

  async load(runId: string): Promise<PipelineRun | undefined> {
    assertRunId(runId);
    const json = this.#runs.get(runId);
    return json === undefined ? undefined : (JSON.parse(json) as PipelineRun);
  }

  async save(run: PipelineRun): Promise<void> {
    const stored = encodePipelineRun(run);
    const current = this.#runs.get(stored.runId);
    const currentVersion = current === undefined ? 0 : (JSON.parse(current) as PipelineRun).version;
    if (currentVersion !== stored.version - 1)
      throw new PipelineRunConflictError(stored.runId, stored.version);
    this.#runs.set(stored.runId, JSON.stringify(stored));
  }
}
