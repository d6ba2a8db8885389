import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { pipeline } from '../../../lambdas/patterns/pipeline/pipeline-builder.js';
import { stageError, stageOutput } from '../../../lambdas/patterns/pipeline/stage.js';
import { runToolChain } from '../../../lambdas/patterns/tool-chain/run-tool-chain.js';
import { defineToolChain } from '../../../lambdas/patterns/tool-chain/tool-chain.js';
import { defineTool } from '../../../lambdas/patterns/tools/tool.js';
import { InMemoryPipelineRunStore } from '../../../lambdas/stores/pipeline-runs/in-memory/in-memory-pipeline-run-store.js';
import { publishingMetrics } from '../../support/emf-metrics.js';

/** The EMF documents `work` printed: each metric with its value and the dimensions it was published under. */
async function emfOf(work: () => Promise<unknown>) {
  const lines: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n'));
    return true;
  });
  try {
    await work();
  } finally {
    write.mockRestore();
  }
  return lines
    .filter((line) => line.startsWith('{') && line.includes('"_aws"'))
    .map(
      (line) =>
        JSON.parse(line) as Record<string, unknown> & {
          _aws: {
            CloudWatchMetrics: { Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[];
          };
        },
    )
    .flatMap((document) =>
      document._aws.CloudWatchMetrics.flatMap((directive) =>
        directive.Metrics.map((metric) => ({
          name: metric.Name,
          unit: metric.Unit,
          value: document[metric.Name],
          dimensions: Object.fromEntries(directive.Dimensions.flat().map((name) => [name, document[name]])),
        })),
      ),
    );
}

describe('pattern metrics through Powertools Metrics', () => {
  it('publishes each pipeline stage as its own EMF metric, under its Pipeline and Stage dimensions', async () => {
    const metrics = publishingMetrics('intake');
    const built = pipeline<number>('numbers')
      .stage({ name: 'double', run: (n: number) => stageOutput(n * 2) })
      .stage(
        { name: 'odd', run: () => stageError('odd', 'not odd') },
        { recover: { odd: (_e, n) => ({ recovered: n }) } },
      )
      .build({ runs: new InMemoryPipelineRunStore(), metrics });
    const emitted = await emfOf(() => built.run('run-1', 1));
    expect(emitted).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'PipelineStageSucceeded',
          value: 1,
          unit: 'Count',
          dimensions: expect.objectContaining({ Pipeline: 'numbers', Stage: 'double' }),
        }),
        expect.objectContaining({
          name: 'PipelineStageFailed',
          value: 1,
          dimensions: expect.objectContaining({ Stage: 'odd' }),
        }),
        expect.objectContaining({
          name: 'PipelineStageDuration',
          unit: 'Milliseconds',
          dimensions: expect.objectContaining({ Stage: 'odd' }),
        }),
      ]),
    );
    expect(emitted.filter((metric) => metric.name === 'PipelineStageSucceeded')).toHaveLength(1);
  });

  it('publishes each tool-chain step under its ToolChain and Step dimensions', async () => {
    const metrics = publishingMetrics('runbook');
    const echo = defineTool({
      name: 'echo',
      description: 'echoes',
      input: z.string(),
      output: z.string(),
      run: (s) => s,
    });
    const chain = defineToolChain({ name: 'echoes', strategy: 'sequential', steps: [{ tool: echo }] });
    const emitted = await emfOf(() => runToolChain(chain, 'hi', { metrics }));
    expect(emitted).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'ToolChainStepSucceeded',
          value: 1,
          dimensions: expect.objectContaining({ ToolChain: 'echoes', Step: 'echo' }),
        }),
      ]),
    );
  });
});
