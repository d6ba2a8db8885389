import { describe, expect, it } from 'vitest';
import {
  enrichmentStage,
  transformationStage,
  validationStage,
} from '../../../../lambdas/patterns/pipeline/reference-stages.js';
import type { StageContext } from '../../../../lambdas/patterns/pipeline/stage.js';

interface Report {
  readonly title: string;
  readonly service: string;
  readonly severity: number;
}

const context: StageContext = { pipeline: 'intake', runId: 'r-1', stage: 'x' };
const report: Report = { title: '  Checkout down ', service: 'Checkout', severity: 1 };

describe('validationStage', () => {
  const validate = validationStage<Report>('validate', [
    { name: 'title', check: (r) => (r.title.trim() === '' ? 'title is empty' : undefined) },
    {
      name: 'severity',
      check: (r) => [
        ...(Number.isInteger(r.severity) ? [] : ['severity is not a whole number']),
        ...(r.severity >= 1 && r.severity <= 4 ? [] : ['severity is 1-4']),
      ],
    },
    { name: 'service', check: (r) => (r.service === '' ? 'service is empty' : undefined) },
  ]);

  it('passes a valid input through unchanged', async () => {
    expect(await validate.run(report, context)).toEqual({ ok: true, output: report });
  });

  it('lists every failed rule, not only the first, as one validation error', async () => {
    const outcome = await validate.run({ title: ' ', service: '', severity: 7.5 }, context);
    expect(outcome).toEqual({
      ok: false,
      error: {
        type: 'validation',
        message: expect.stringMatching(/^4 rule\(s\) failed: title: title is empty; severity: /),
        detail: {
          errors: [
            { rule: 'title', message: 'title is empty' },
            { rule: 'severity', message: 'severity is not a whole number' },
            { rule: 'severity', message: 'severity is 1-4' },
            { rule: 'service', message: 'service is empty' },
          ],
        },
      },
    });
  });
});

describe('transformationStage', () => {
  it('applies its rules in order, each to the previous result', async () => {
    const normalise = transformationStage<Report>('normalise', [
      { name: 'trim', apply: (r) => ({ ...r, title: r.title.trim() }) },
      { name: 'prefix', apply: (r) => ({ ...r, title: `[${r.service}] ${r.title}` }) },
      { name: 'lowercase', apply: (r) => ({ ...r, service: r.service.toLowerCase() }) },
    ]);
    expect(await normalise.run(report, context)).toEqual({
      ok: true,
      output: { title: '[Checkout] Checkout down', service: 'checkout', severity: 1 },
    });
  });

  it('fails with a transformation error naming the rule that threw', async () => {
    const broken = transformationStage<Report>('normalise', [
      {
        name: 'lookup-tier',
        apply: () => {
          throw new Error('unknown tier');
        },
      },
    ]);
    expect(await broken.run(report, context)).toEqual({
      ok: false,
      error: {
        type: 'transformation',
        message: 'rule lookup-tier failed: unknown tier',
        detail: { rule: 'lookup-tier' },
      },
    });
  });
});

describe('enrichmentStage', () => {
  it('asks every source at once, adding <name>_data for those that answer and <name>_error for a failing one', async () => {
    const started: string[] = [];
    let release: () => void = () => undefined;
    const allStarted = new Promise<void>((resolve) => {
      release = resolve;
    });
    const source = (name: string, answer: () => unknown) => ({
      name,
      fetch: async () => {
        started.push(name);
        if (started.length === 3) release();
        await allStarted; // resolves only once all three are in flight: they run in parallel
        return answer() as never;
      },
    });
    const enrich = enrichmentStage<Report>('enrich', [
      source('cmdb', () => ({ owner: 'payments-team' })),
      source('oncall', () => {
        throw new Error('pager timed out');
      }),
      source('deploys', () => [{ version: '1.4.2' }]),
    ]);
    expect(await enrich.run(report, context)).toEqual({
      ok: true,
      output: {
        ...report,
        cmdb_data: { owner: 'payments-team' },
        oncall_error: 'pager timed out',
        deploys_data: [{ version: '1.4.2' }],
      },
    });
  });
});
