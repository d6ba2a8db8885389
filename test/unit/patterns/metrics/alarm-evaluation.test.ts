import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Datapoint,
  datapointsOf,
  evaluateAlarm,
  evaluationRangeOf,
  statisticOf,
} from '../../../../lambdas/patterns/metrics/alarm-evaluation.js';
import {
  type AlarmState,
  declareMetrics,
  type ResolvedAlertRule,
  type TreatMissingData,
} from '../../../../lambdas/patterns/metrics/metrics-declaration.js';
import { projectPath } from '../../../../lib/constructs/project-paths.js';

const ruleWith = (overrides: Partial<ResolvedAlertRule> = {}): ResolvedAlertRule => ({
  name: 'BacklogHigh',
  metric: 'IncidentBacklog',
  statistic: 'Maximum',
  comparison: 'GreaterThanThreshold',
  threshold: 20,
  periodSeconds: 60,
  evaluationPeriods: 5,
  datapointsToAlarm: 3,
  treatMissingData: 'missing',
  ...overrides,
});

/** `0` a datapoint within the threshold, `X` one breaching it, `-` a missing period. */
const datapoints = (text: string): Datapoint[] =>
  [...text].map((mark) => (mark === 'X' ? 25 : mark === '0' ? 5 : undefined));

interface TableRow extends Record<TreatMissingData, AlarmState | 'RETAIN'> {
  readonly datapoints: string;
}
const TABLE = JSON.parse(
  readFileSync(projectPath('test/fixtures/metrics/cloudwatch-missing-data-table.json'), 'utf8'),
) as { rule: { evaluationPeriods: number; datapointsToAlarm: number }; rows: TableRow[] };

describe('evaluating an alert rule with CloudWatch’s alarm semantics', () => {
  describe.each(['missing', 'ignore', 'breaching', 'notBreaching'] as const)(
    'with missing data treated as %s',
    (treatment) => {
      it.each(TABLE.rows)('decides $datapoints as CloudWatch’s table does', (row) => {
        const rule = ruleWith({ ...TABLE.rule, treatMissingData: treatment });
        expect(evaluationRangeOf(rule.evaluationPeriods)).toBe(row.datapoints.length);
        for (const current of ['OK', 'ALARM'] as const) {
          const expected = row[treatment] === 'RETAIN' ? current : row[treatment];
          expect(evaluateAlarm(rule, datapoints(row.datapoints), current).state).toBe(expected);
        }
      });
    },
  );

  it('goes to ALARM when M of the last N datapoints breach, and stays OK with one fewer', () => {
    const rule = ruleWith();
    expect(evaluateAlarm(rule, datapoints('00X0XX0'), 'OK').state).toBe('ALARM');
    expect(evaluateAlarm(rule, datapoints('XX0X00X'), 'OK').state).toBe('OK');
  });

  it('judges the newest N real datapoints when enough are there, skipping missing periods', () => {
    // 7 periods, 5 real: X - X - 0 X X → the real ones X X 0 X X: 4 of 5 breach.
    expect(evaluateAlarm(ruleWith(), datapoints('X-X-0XX'), 'OK').state).toBe('ALARM');
    expect(evaluateAlarm(ruleWith(), datapoints('0-0-X0X'), 'ALARM').state).toBe('OK');
  });

  it('fills missing periods as breaching or not only up to N, when too few are real', () => {
    const twoOfThree = { evaluationPeriods: 3, datapointsToAlarm: 2 };
    const breaching = ruleWith({ ...twoOfThree, treatMissingData: 'breaching' });
    const notBreaching = ruleWith({ ...twoOfThree, treatMissingData: 'notBreaching' });
    expect(evaluateAlarm(breaching, datapoints('---0X'), 'OK').state).toBe('ALARM');
    expect(evaluateAlarm(breaching, datapoints('--00-'), 'ALARM').state).toBe('OK');
    expect(evaluateAlarm(notBreaching, datapoints('---X-'), 'ALARM').state).toBe('OK');
  });

  it('compares with each operator at the threshold as CloudWatch does', () => {
    const at = (comparison: ResolvedAlertRule['comparison']) =>
      evaluateAlarm(ruleWith({ comparison, evaluationPeriods: 1, datapointsToAlarm: 1 }), [20], 'OK').state;
    expect(at('GreaterThanThreshold')).toBe('OK');
    expect(at('GreaterThanOrEqualToThreshold')).toBe('ALARM');
    expect(at('LessThanThreshold')).toBe('OK');
    expect(at('LessThanOrEqualToThreshold')).toBe('ALARM');
  });

  it('says why, naming how many datapoints breached', () => {
    expect(evaluateAlarm(ruleWith(), datapoints('00X0XX0'), 'OK').reason).toBe(
      'Threshold Crossed: 3 of 5 datapoints breached GreaterThanThreshold 20',
    );
  });
});

describe('a rule’s datapoints from samples', () => {
  const minute = 60_000;
  const start = Date.UTC(2026, 11, 2, 12, 0);
  const sample = (at: number, value: number, metric = 'IncidentBacklog') => ({
    metric,
    value,
    timestamp: start + at,
  });

  it('reduces each minute-aligned period to its statistic, oldest first, missing periods undefined', () => {
    const samples = [
      sample(0, 4),
      sample(10_000, 9),
      sample(2 * minute, 30),
      sample(2 * minute + 5, 22),
      sample(3 * minute, 1, 'ErrorRate'),
    ];
    const now = start + 6 * minute + 30_000;
    const points = datapointsOf(ruleWith(), samples, now);
    // The range is 5 + 2 periods, the newest the one holding now (12:06).
    expect(points).toEqual([9, undefined, 30, undefined, undefined, undefined, undefined]);
    expect(datapointsOf(ruleWith({ statistic: 'Sum' }), samples, now).slice(0, 3)).toEqual([
      13,
      undefined,
      52,
    ]);
  });

  it('computes Average, Sum, Minimum, Maximum, SampleCount and percentiles', () => {
    const values = [8, 1, 5, 3, 10, 2, 7, 4, 6, 9];
    expect(statisticOf('Average', values)).toBe(5.5);
    expect(statisticOf('Sum', values)).toBe(55);
    expect(statisticOf('Minimum', values)).toBe(1);
    expect(statisticOf('Maximum', values)).toBe(10);
    expect(statisticOf('SampleCount', values)).toBe(10);
    expect(statisticOf('p90', values)).toBe(9);
    expect(statisticOf('p50', values)).toBe(5);
    expect(statisticOf('p99.9', values)).toBe(10);
  });

  it('evaluates a declared rule end to end: 3 of 5 minutes over 20 is ALARM', () => {
    const [rule] = declareMetrics({
      collector: 'desk-health',
      metrics: [{ name: 'IncidentBacklog', unit: 'Count', description: 'open incidents' }],
      alerts: [
        {
          name: 'BacklogHigh',
          metric: 'IncidentBacklog',
          statistic: 'Maximum',
          comparison: 'GreaterThanThreshold',
          threshold: 20,
          periodSeconds: 60,
          evaluationPeriods: 5,
          datapointsToAlarm: 3,
        },
      ],
    }).alerts;
    if (rule === undefined) throw new Error('no rule');
    const backlog = [12, 25, 18, 26, 27];
    const samples = backlog.map((value, index) => sample(index * minute, value));
    expect(evaluateAlarm(rule, datapointsOf(rule, samples, start + 4 * minute), 'OK').state).toBe('ALARM');
    expect(evaluateAlarm(rule, datapointsOf(rule, samples, start + 3 * minute), 'OK').state).toBe('OK');
  });
});
