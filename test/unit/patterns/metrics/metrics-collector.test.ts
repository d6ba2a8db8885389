import { describe, expect, it } from 'vitest';
import { isAgentbridgeError } from '../../../../lambdas/contracts/agentbridge-error.js';
import type { MetricSample } from '../../../../lambdas/patterns/metrics/alarm-evaluation.js';
import { InMemoryMetricSink } from '../../../../lambdas/patterns/metrics/metric-sinks.js';
import {
  type AlertTransition,
  MetricsCollector,
  type MetricsCollectorOptions,
} from '../../../../lambdas/patterns/metrics/metrics-collector.js';
import { declareMetrics } from '../../../../lambdas/patterns/metrics/metrics-declaration.js';
import { ManualClock } from '../../../support/manual-clock.js';

const HEALTH = declareMetrics({
  collector: 'desk-health',
  metrics: [
    { name: 'IncidentBacklog', unit: 'Count', description: 'Incidents open' },
    { name: 'ErrorRate', unit: 'Percent', description: 'Failed deliveries in percent' },
  ],
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
});

const setup = (options: Partial<MetricsCollectorOptions> = {}) => {
  const clock = new ManualClock(Date.UTC(2026, 11, 2, 12, 0));
  const sleeps: number[] = [];
  const transitions: AlertTransition[] = [];
  let backlog = 0;
  const collector = new MetricsCollector({
    declaration: HEALTH,
    sources: { IncidentBacklog: () => backlog, ErrorRate: () => 0.5 },
    clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advanceMs(ms);
    },
    onAlert: (transition) => void transitions.push(transition),
    ...options,
  });
  const tick = async (value: number) => {
    backlog = value;
    const report = await collector.collect();
    clock.advanceSeconds(60);
    return report;
  };
  return { clock, collector, sleeps, transitions, tick };
};

describe('a metrics collector', () => {
  it('reads every declared source into the in-memory sink and the configured sinks, stamped with the tick', async () => {
    const other: MetricSample[] = [];
    const { collector, clock, tick } = setup({
      sinks: [{ write: (samples) => void other.push(...samples) }],
    });
    const at = clock.now();
    await tick(7);
    const expected = [
      { metric: 'IncidentBacklog', value: 7, timestamp: at },
      { metric: 'ErrorRate', value: 0.5, timestamp: at },
    ];
    expect(collector.memory.samples()).toEqual(expected);
    expect(other).toEqual(expected);
  });

  it('takes several values of one source as samples, and none as missing data', async () => {
    const { collector } = setup({
      sources: { IncidentBacklog: () => [3, 4], ErrorRate: () => undefined },
    });
    const { samples } = await collector.collect();
    expect(samples.map((sample) => [sample.metric, sample.value])).toEqual([
      ['IncidentBacklog', 3],
      ['IncidentBacklog', 4],
    ]);
  });

  it('retries a failed source after 5 s, keeping what the others read, and collects it once it answers', async () => {
    let failures = 1;
    const { collector, sleeps } = setup({
      sources: {
        IncidentBacklog: () => {
          if (failures-- > 0) throw new Error('table unavailable');
          return 12;
        },
        ErrorRate: () => 1,
      },
    });
    const report = await collector.collect();
    expect(sleeps).toEqual([5_000]);
    expect(report).toMatchObject({ attempts: 2, error: undefined });
    expect(collector.memory.samples().map((sample) => [sample.metric, sample.value])).toEqual([
      ['ErrorRate', 1],
      ['IncidentBacklog', 12],
    ]);
  });

  it('gives up after its attempts with a transient error naming what failed, the rest collected', async () => {
    const { collector, sleeps } = setup({
      sources: {
        IncidentBacklog: () => {
          throw new Error('table unavailable');
        },
        ErrorRate: () => 1,
      },
    });
    const { error, attempts } = await collector.collect();
    expect(attempts).toBe(3);
    expect(sleeps).toEqual([5_000, 5_000]);
    expect(isAgentbridgeError(error, 'METRIC_COLLECTION_FAILED')).toBe(true);
    expect(error).toMatchObject({ transient: true, failures: [{ what: 'source IncidentBacklog' }] });
    expect(error?.message).toBe('desk-health: after 3 attempts, source IncidentBacklog: table unavailable');
    expect(collector.memory.samples('ErrorRate')).toHaveLength(1);
  });

  it('retries a sink that failed with every sample of the collection, without writing twice to the others', async () => {
    const flaky: MetricSample[][] = [];
    let refuse = true;
    const memory = new InMemoryMetricSink();
    const { collector } = setup({
      memory,
      sinks: [
        {
          write: (samples) => {
            if (refuse) {
              refuse = false;
              throw new Error('throttled');
            }
            flaky.push([...samples]);
          },
        },
      ],
    });
    const report = await collector.collect();
    expect(report.attempts).toBe(2);
    expect(flaky).toEqual([report.samples]);
    expect(memory.samples()).toEqual(report.samples);
  });

  it('moves an alert rule from INSUFFICIENT_DATA to OK, to ALARM once 3 of the last 5 minutes are over 20, and back when only 2 are', async () => {
    const { collector, tick, transitions } = setup();
    expect(collector.alertStates()).toEqual({ BacklogHigh: 'INSUFFICIENT_DATA' });
    const states: string[] = [];
    for (const backlog of [5, 25, 8, 30, 26, 3, 2, 1]) {
      states.push(((await tick(backlog)).alerts.BacklogHigh as { state: string }).state);
    }
    expect(states).toEqual(['OK', 'OK', 'OK', 'OK', 'ALARM', 'ALARM', 'OK', 'OK']);
    expect(transitions.map((t) => `${t.from}→${t.state}`)).toEqual([
      'INSUFFICIENT_DATA→OK',
      'OK→ALARM',
      'ALARM→OK',
    ]);
  });

  it('runs every everySeconds until stopped', async () => {
    const controller = new AbortController();
    let reads = 0;
    const { collector, sleeps } = setup({
      sources: {
        IncidentBacklog: () => {
          if (++reads === 3) controller.abort();
          return reads;
        },
        ErrorRate: () => 0,
      },
    });
    await collector.run(controller.signal);
    expect(reads).toBe(3);
    expect(sleeps).toEqual([60_000, 60_000]);
  });

  it('refuses sources that do not match the declared metrics', () => {
    expect(() => setup({ sources: { IncidentBacklog: () => 1, QueueDepth: () => 2 } })).toThrow(
      'metrics of desk-health: no source for ErrorRate; source QueueDepth reads an undeclared metric',
    );
  });
});
