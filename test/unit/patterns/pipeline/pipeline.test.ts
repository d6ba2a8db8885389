import { describe, expect, it } from 'vitest';
import { TransientError } from '../../../../lambdas/contracts/transient-error.js';
import { pipeline } from '../../../../lambdas/patterns/pipeline/pipeline-builder.js';
import { type Stage, stageError, stageOutput } from '../../../../lambdas/patterns/pipeline/stage.js';
import { digestOf } from '../../../../lambdas/patterns/pipeline/stage-record.js';
import { InMemoryPipelineRunStore } from '../../../../lambdas/stores/pipeline-runs/in-memory/in-memory-pipeline-run-store.js';
import { ManualClock } from '../../../support/manual-clock.js';
import { RecordingPatternMetrics } from '../../../support/recording-pattern-metrics.js';

interface Doc {
  readonly text: string;
  readonly steps: readonly string[];
}

/** A stage that appends its name to `steps`, taking `ms` on the clock, and counts its runs. */
function step(name: string, clock: ManualClock, ms = 5) {
  const stage = {
    name,
    calls: 0,
    run(input: Doc) {
      stage.calls += 1;
      clock.advanceMs(ms);
      return stageOutput({ ...input, steps: [...input.steps, name] });
    },
  };
  return stage;
}

const doc: Doc = { text: 'disk full on db-1', steps: [] };

function harness() {
  const clock = new ManualClock(Date.UTC(2026, 11, 2, 14));
  const runs = new InMemoryPipelineRunStore();
  const metrics = new RecordingPatternMetrics();
  return { clock, runs, metrics, deps: { runs, clock, metrics } };
}

describe('Pipeline', () => {
  it('feeds each stage the previous output and records every execution with digests, duration and success', async () => {
    const { clock, deps } = harness();
    const [a, b] = [step('a', clock, 7), step('b', clock, 3)];
    const result = await pipeline<Doc>('docs').stage(a).stage(b).build(deps).run('run-1', doc);
    expect(result.output).toEqual({ text: doc.text, steps: ['a', 'b'] });
    expect(result.records).toEqual([
      expect.objectContaining({
        stage: 'a',
        index: 0,
        inputDigest: digestOf(doc),
        outputDigest: digestOf({ ...doc, steps: ['a'] }),
        durationMs: 7,
        success: true,
      }),
      expect.objectContaining({
        stage: 'b',
        index: 1,
        inputDigest: digestOf({ ...doc, steps: ['a'] }),
        durationMs: 3,
      }),
    ]);
    expect(result).toMatchObject({ replayed: false, resumedAt: undefined });
  });

  it('meters each stage under its own Pipeline and Stage dimensions', async () => {
    const { clock, deps, metrics } = harness();
    const failing: Stage<Doc, Doc> = { name: 'b', run: () => stageError('odd', 'odd document') };
    const run = pipeline<Doc>('docs')
      .stage(step('a', clock, 4))
      .stage(failing, { recover: { odd: (_error, input) => ({ recovered: input }) } })
      .build(deps);
    await run.run('run-1', doc);
    expect(metrics.values('PipelineStageSucceeded', { Pipeline: 'docs', Stage: 'a' })).toEqual([1]);
    expect(metrics.values('PipelineStageDuration', { Pipeline: 'docs', Stage: 'a' })).toEqual([4]);
    expect(metrics.values('PipelineStageFailed', { Pipeline: 'docs', Stage: 'b' })).toEqual([1]);
    expect(metrics.values('PipelineStageSucceeded', { Stage: 'b' })).toEqual([]);
  });

  it('continues with the data a handler for the error type recovered, recording the stage as failed and recovered', async () => {
    const { clock, deps } = harness();
    const strict: Stage<Doc, Doc> = {
      name: 'strict',
      run: () => stageError('too_short', 'need 20 characters'),
    };
    const after = step('after', clock);
    const result = await pipeline<Doc>('docs')
      .stage(strict, {
        recover: {
          too_short: (error, input) => ({ recovered: { ...input, steps: [`recovered ${error.type}`] } }),
        },
      })
      .stage(after)
      .build(deps)
      .run('run-1', doc);
    expect(result.output.steps).toEqual(['recovered too_short', 'after']);
    expect(result.records[0]).toMatchObject({
      stage: 'strict',
      success: false,
      recovered: true,
      errorType: 'too_short',
    });
  });

  it('fails naming the stage and error type when no handler recovers, and runs no later stage', async () => {
    const { clock, deps } = harness();
    const strict: Stage<Doc, Doc> = {
      name: 'strict',
      run: () => stageError('too_short', 'need 20 characters', { min: 20 }),
    };
    const after = step('after', clock);
    const declined = pipeline<Doc>('docs')
      .stage(step('first', clock))
      .stage(strict, {
        recover: { other: (_e, input) => ({ recovered: input }), too_short: () => undefined },
      })
      .stage(after)
      .build(deps);
    const error = await declined.run('run-1', doc).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'PipelineFailedError',
      code: 'PIPELINE_STAGE_FAILED',
      pipeline: 'docs',
      stage: 'strict',
      errorType: 'too_short',
      detail: { min: 20 },
      transient: false,
    });
    expect((error as Error).message).toBe(
      'Pipeline docs failed at stage strict (too_short): need 20 characters',
    );
    expect((error as { records: unknown[] }).records).toHaveLength(2);
    expect(after.calls).toBe(0);
  });

  it('resumes a run cut short after stage k at stage k+1, without running stages 1..k again', async () => {
    const { clock, deps } = harness();
    const [a, b, d] = [step('a', clock), step('b', clock), step('d', clock)];
    let crashes = 1;
    const flaky: Stage<Doc, Doc> = {
      name: 'c',
      run: (input) => {
        if (crashes-- > 0) throw new TransientError(new Error('Task timed out after 30.00 seconds'));
        return stageOutput({ ...input, steps: [...input.steps, 'c'] });
      },
    };
    const built = pipeline<Doc>('docs').stage(a).stage(b).stage(flaky).stage(d).build(deps);
    await expect(built.run('run-1', doc)).rejects.toMatchObject({ name: 'TransientError' });
    const resumed = await built.run('run-1', doc);
    expect([a.calls, b.calls, d.calls]).toEqual([1, 1, 1]);
    expect(resumed).toMatchObject({ resumedAt: 2, replayed: false });
    expect(resumed.output.steps).toEqual(['a', 'b', 'c', 'd']);
    expect(resumed.records.map((record) => record.stage)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('resumes from the store alone: a new container with a new pipeline object goes on where the old one stopped', async () => {
    const { clock, runs } = harness();
    const [a, b] = [step('a', clock), step('b', clock)];
    const crash: Stage<Doc, Doc> = {
      name: 'b',
      run: () => {
        throw new Error('the container died');
      },
    };
    await expect(
      pipeline<Doc>('docs').stage(a).stage(crash).build({ runs, clock }).run('run-1', doc),
    ).rejects.toThrow('the container died');
    const fresh = step('a', clock);
    const result = await pipeline<Doc>('docs').stage(fresh).stage(b).build({ runs, clock }).run('run-1', doc);
    expect([fresh.calls, b.calls]).toEqual([0, 1]);
    expect(result.output.steps).toEqual(['a', 'b']);
  });

  it('answers a redelivered completed run from its record, running no stage', async () => {
    const { clock, deps } = harness();
    const a = step('a', clock);
    const built = pipeline<Doc>('docs').stage(a).build(deps);
    const first = await built.run('run-1', doc);
    const again = await built.run('run-1', doc);
    expect(a.calls).toBe(1);
    expect(again).toEqual({ ...first, replayed: true });
  });

  it('answers a redelivered failed run with the same failure, running no stage', async () => {
    const { deps } = harness();
    let calls = 0;
    const refuse: Stage<Doc, Doc> = {
      name: 'refuse',
      run: () => {
        calls += 1;
        return stageError('bad', 'bad doc');
      },
    };
    const built = pipeline<Doc>('docs').stage(refuse).build(deps);
    await expect(built.run('run-1', doc)).rejects.toMatchObject({ stage: 'refuse', errorType: 'bad' });
    await expect(built.run('run-1', doc)).rejects.toMatchObject({ stage: 'refuse', errorType: 'bad' });
    expect(calls).toBe(1);
  });

  it('refuses a run id already used for another input or another pipeline, running nothing', async () => {
    const { clock, deps } = harness();
    const a = step('a', clock);
    await pipeline<Doc>('docs').stage(a).build(deps).run('run-1', doc);
    await expect(
      pipeline<Doc>('docs')
        .stage(a)
        .build(deps)
        .run('run-1', { ...doc, text: 'another' }),
    ).rejects.toMatchObject({ code: 'PIPELINE_RUN_MISMATCH' });
    await expect(pipeline<Doc>('other').stage(a).build(deps).run('run-1', doc)).rejects.toMatchObject({
      code: 'PIPELINE_RUN_MISMATCH',
    });
    expect(a.calls).toBe(1);
  });

  it('loses the race to a concurrent delivery of the same run with a transient conflict', async () => {
    const { clock, deps } = harness();
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const slow: Stage<Doc, Doc> = {
      name: 'slow',
      run: async (input) => {
        await gate;
        return stageOutput(input);
      },
    };
    const built = pipeline<Doc>('docs').stage(slow).stage(step('b', clock)).build(deps);
    const [first, second] = [built.run('run-1', doc), built.run('run-1', doc)];
    open();
    const settled = await Promise.allSettled([first, second]);
    expect(settled.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = settled.find((outcome) => outcome.status === 'rejected');
    expect(lost?.status === 'rejected' && lost.reason).toMatchObject({
      code: 'PIPELINE_RUN_CONFLICT',
      transient: true,
    });
  });

  it.each([
    ['no stages', () => pipeline<Doc>('docs')],
    [
      'two stages of one name',
      () => pipeline<Doc>('docs').stage(step('a', new ManualClock())).stage(step('a', new ManualClock())),
    ],
    ['a name with a space', () => pipeline<Doc>('my docs').stage(step('a', new ManualClock()))],
  ])('refuses a pipeline with %s when it is built', (_case, builder) => {
    expect(() => builder().build(harness().deps)).toThrow(
      expect.objectContaining({ code: 'INVALID_PIPELINE' }),
    );
  });
});
