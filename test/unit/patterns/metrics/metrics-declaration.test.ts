import { describe, expect, it } from 'vitest';
import {
  alertRuleOfAlarm,
  cloudWatchAlarmOf,
} from '../../../../lambdas/patterns/metrics/cloudwatch-alarm-rule.js';
import { type AlertRule, declareMetrics } from '../../../../lambdas/patterns/metrics/metrics-declaration.js';

const BACKLOG = { name: 'IncidentBacklog', unit: 'Count', description: 'Incidents open' } as const;
const rule = (overrides: Partial<AlertRule> = {}): AlertRule => ({
  name: 'BacklogHigh',
  metric: 'IncidentBacklog',
  statistic: 'Maximum',
  comparison: 'GreaterThanThreshold',
  threshold: 20,
  periodSeconds: 60,
  evaluationPeriods: 5,
  ...overrides,
});

describe('declaring a collector’s metrics and alert rules', () => {
  it('fills CloudWatch’s defaults: all N datapoints to alarm, missing data as missing, the agentbridge namespace', () => {
    const declaration = declareMetrics({ collector: 'desk-health', metrics: [BACKLOG], alerts: [rule()] });
    expect(declaration).toMatchObject({
      namespace: 'agentbridge',
      dimensions: { service: 'desk-health' },
      everySeconds: 60,
      alerts: [{ name: 'BacklogHigh', datapointsToAlarm: 5, treatMissingData: 'missing' }],
    });
  });

  it('refuses every problem at once, each named by its metric or rule', () => {
    expect(() =>
      declareMetrics({
        collector: 'desk-health',
        everySeconds: 90,
        metrics: [BACKLOG, BACKLOG],
        alerts: [
          rule({ metric: 'QueueDepth', statistic: 'Median' as never }),
          rule({ name: 'Fast', periodSeconds: 10, evaluationPeriods: 3, datapointsToAlarm: 4 }),
        ],
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_METRICS_DECLARATION',
        problems: [
          'metric IncidentBacklog is declared twice',
          'everySeconds is a whole number of minutes',
          'alert BacklogHigh: metric QueueDepth is not declared',
          'alert BacklogHigh: unknown statistic Median',
          'alert Fast: periodSeconds is a whole number of minutes',
          'alert Fast: datapointsToAlarm is a whole number from 1 to evaluationPeriods',
        ],
      }),
    );
  });

  it('accepts percentiles as statistics', () => {
    const declaration = declareMetrics({
      collector: 'desk-health',
      metrics: [BACKLOG],
      alerts: [rule({ statistic: 'p99.9' })],
    });
    expect(declaration.alerts[0]?.statistic).toBe('p99.9');
  });
});

describe('an alert rule as a CloudWatch alarm', () => {
  const declaration = declareMetrics({
    collector: 'desk-health',
    metrics: [BACKLOG],
    alerts: [
      rule({ datapointsToAlarm: 3, treatMissingData: 'breaching' }),
      rule({ name: 'SlowP90', statistic: 'p90' }),
    ],
  });
  const [backlog, slow] = declaration.alerts as [never, never];

  it('is on the EMF metric of the collector, with every setting of the rule', () => {
    expect(cloudWatchAlarmOf(declaration, backlog)).toEqual({
      Namespace: 'agentbridge',
      MetricName: 'IncidentBacklog',
      Dimensions: [{ Name: 'service', Value: 'desk-health' }],
      Statistic: 'Maximum',
      Period: 60,
      Threshold: 20,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
      TreatMissingData: 'breaching',
    });
    expect(cloudWatchAlarmOf(declaration, slow)).toMatchObject({ ExtendedStatistic: 'p90' });
  });

  it('reads back from the alarm’s properties as the same rule', () => {
    for (const each of declaration.alerts) {
      const { description: _, ...withoutDescription } = each;
      expect(alertRuleOfAlarm(each.name, { ...cloudWatchAlarmOf(declaration, each) })).toEqual(
        withoutDescription,
      );
    }
  });

  it('reads CloudWatch’s defaults where the alarm leaves them out', () => {
    expect(
      alertRuleOfAlarm('Bare', {
        MetricName: 'IncidentBacklog',
        Statistic: 'Sum',
        ComparisonOperator: 'LessThanThreshold',
        Threshold: 1,
        Period: 300,
        EvaluationPeriods: 2,
      }),
    ).toMatchObject({ datapointsToAlarm: 2, treatMissingData: 'missing' });
  });
});
