import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PipelineRun, PipelineRunStore } from '../../lambdas/stores/pipeline-runs/pipeline-run.js';

/** A first checkpoint of a fresh run (its own id keeps parallel runs apart on a shared table). */
const firstCheckpoint = (overrides: Partial<PipelineRun> = {}): PipelineRun => ({
  runId: `run-${randomUUID()}`,
  pipeline: 'intake',
  inputDigest: 'sha256:abc',
  status: 'running',
  nextStage: 1,
  data: { title: 'Checkout down', tags: ['p1'], severity: 1, owner: null },
  records: [
    {
      stage: 'validate',
      index: 0,
      inputDigest: 'sha256:abc',
      outputDigest: 'sha256:abc',
      startedAt: 1_764_684_000_000,
      durationMs: 3,
      success: true,
    },
  ],
  version: 1,
  updatedAt: 1_764_684_000_003,
  ...overrides,
});

/**
 * The pipeline run store contract: every adapter of `PipelineRunStore` loads what was saved, saves only over
 * the version before (none for version 1), refuses a malformed run, and keeps copies.
 *
 * @example
 * ```ts
 * describePipelineRunStoreConformance('in-memory', () => new InMemoryPipelineRunStore());
 * ```
 */
export function describePipelineRunStoreConformance(name: string, create: () => PipelineRunStore): void {
  describe(`${name} pipeline run store conformance`, () => {
    const store = create();

    it('has no run under an id never saved', async () => {
      expect(await store.load(`run-${randomUUID()}`)).toBeUndefined();
    });

    it('loads back the run saved, data and records alike', async () => {
      const run = firstCheckpoint();
      await store.save(run);
      expect(await store.load(run.runId)).toEqual(run);
    });

    it('saves each next version over the one before, up to completion with a failure or a result', async () => {
      const run = firstCheckpoint();
      await store.save(run);
      const second = { ...run, nextStage: 2, data: { enriched: true }, version: 2 };
      await store.save(second);
      const failed: PipelineRun = {
        ...second,
        status: 'failed',
        failure: { stage: 'enrich', errorType: 'timeout', message: 'cmdb', detail: { errors: [1, 'two'] } },
        version: 3,
      };
      await store.save(failed);
      expect(await store.load(run.runId)).toEqual(failed);
    });

    it('refuses a first checkpoint of a run that exists, as a transient conflict, keeping the stored run', async () => {
      const run = firstCheckpoint();
      await store.save(run);
      await expect(store.save({ ...run, data: 'other delivery' })).rejects.toMatchObject({
        name: 'PipelineRunConflictError',
        code: 'PIPELINE_RUN_CONFLICT',
        runId: run.runId,
        transient: true,
      });
      expect(await store.load(run.runId)).toEqual(run);
    });

    it('refuses a version that does not follow the stored one, and a later version of a run never saved', async () => {
      const run = firstCheckpoint();
      await store.save(run);
      await store.save({ ...run, version: 2 });
      await expect(store.save({ ...run, nextStage: 9, version: 2 })).rejects.toMatchObject({
        code: 'PIPELINE_RUN_CONFLICT',
      });
      await expect(store.save({ ...run, version: 4 })).rejects.toMatchObject({
        code: 'PIPELINE_RUN_CONFLICT',
      });
      await expect(store.save(firstCheckpoint({ version: 2 }))).rejects.toMatchObject({
        code: 'PIPELINE_RUN_CONFLICT',
      });
      expect((await store.load(run.runId))?.version).toBe(2);
    });

    it('refuses a malformed run (an empty id, an unknown status) with INVALID_PIPELINE_RUN, saving nothing', async () => {
      await expect(store.save(firstCheckpoint({ runId: '' }))).rejects.toMatchObject({
        code: 'INVALID_PIPELINE_RUN',
      });
      const odd = firstCheckpoint({ status: 'paused' as PipelineRun['status'] });
      await expect(store.save(odd)).rejects.toMatchObject({ name: 'InvalidPipelineRunError' });
      expect(await store.load(odd.runId)).toBeUndefined();
      await expect(store.load('')).rejects.toMatchObject({ code: 'INVALID_PIPELINE_RUN' });
    });

    it('keeps a copy: changing a run after save, or after load, changes nothing stored', async () => {
      const run = firstCheckpoint();
      await store.save(run);
      run.records.push({ ...(run.records[0] as PipelineRun['records'][number]), stage: 'changed' });
      const loaded = await store.load(run.runId);
      loaded?.records.pop();
      expect((await store.load(run.runId))?.records.map((record) => record.stage)).toEqual(['validate']);
    });
  });
}
