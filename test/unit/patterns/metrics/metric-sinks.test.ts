import { describe, expect, it, vi } from 'vitest';
import {
  EmfMetricSink,
  InMemoryMetricSink,
  samplesOfEmfLine,
} from '../../../../lambdas/patterns/metrics/metric-sinks.js';
import {
  MetricObservations,
  memoryUsedMegabytes,
} from '../../../../lambdas/patterns/metrics/metric-sources.js';
import { declareMetrics } from '../../../../lambdas/patterns/metrics/metrics-declaration.js';
import { publishingMetrics } from '../../../support/emf-metrics.js';

const HEALTH = declareMetrics({
  collector: 'desk-health',
  metrics: [
    { name: 'IncidentBacklog', unit: 'Count', description: 'Incidents open' },
    { name: 'ErrorRate', unit: 'Percent', description: 'Failed deliveries in percent' },
  ],
});

const stdoutOf = (work: () => void): string[] => {
  const lines: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
  try {
    work();
  } finally {
    write.mockRestore();
  }
  return lines;
};

describe('the EMF sink', () => {
  it('prints one EMF record per sample through Powertools, in the declared unit and the service dimension', () => {
    const sink = new EmfMetricSink(HEALTH, publishingMetrics('desk-health'));
    const lines = stdoutOf(() =>
      sink.write([
        { metric: 'IncidentBacklog', value: 23, timestamp: 0 },
        { metric: 'ErrorRate', value: 1.5, timestamp: 0 },
      ]),
    );
    expect(lines.flatMap(samplesOfEmfLine).map(({ timestamp: _, ...rest }) => rest)).toEqual([
      {
        metric: 'IncidentBacklog',
        value: 23,
        namespace: 'agentbridge',
        unit: 'Count',
        dimensions: { service: 'desk-health' },
      },
      {
        metric: 'ErrorRate',
        value: 1.5,
        namespace: 'agentbridge',
        unit: 'Percent',
        dimensions: { service: 'desk-health' },
      },
    ]);
  });

  it('reads nothing from a line that is not an EMF record, and every value of one that holds many', () => {
    expect(samplesOfEmfLine('START RequestId: 1')).toEqual([]);
    expect(samplesOfEmfLine('{"_aws": broken')).toEqual([]);
    const line = `[opsdesk-desk-health] ${JSON.stringify({
      _aws: {
        Timestamp: 60_000,
        CloudWatchMetrics: [{ Namespace: 'n', Dimensions: [[]], Metrics: [{ Name: 'RT' }] }],
      },
      RT: [4, 6],
    })}`;
    expect(samplesOfEmfLine(line).map((sample) => [sample.value, sample.timestamp])).toEqual([
      [4, 60_000],
      [6, 60_000],
    ]);
  });
});

describe('the in-memory sink', () => {
  it('keeps samples for a day behind the newest, per metric on request', () => {
    const sink = new InMemoryMetricSink();
    sink.write([{ metric: 'A', value: 1, timestamp: 0 }]);
    sink.write([{ metric: 'B', value: 2, timestamp: 1_000 }]);
    expect(sink.samples('B')).toEqual([{ metric: 'B', value: 2, timestamp: 1_000 }]);
    sink.write([{ metric: 'A', value: 3, timestamp: 86_400_500 }]);
    expect(sink.samples().map((sample) => sample.value)).toEqual([2, 3]);
  });
});

describe('metric sources from observations', () => {
  it('gives each observed value once, a count per second, and a share in percent', async () => {
    const observed = new MetricObservations();
    for (const ms of [40, 60]) observed.record('ResponseTime', ms);
    observed.count('Messages', 120);
    observed.count('Errors', 3);
    const responseTime = observed.values('ResponseTime');
    expect(await responseTime()).toEqual([40, 60]);
    expect(await responseTime()).toEqual([]);
    expect(await observed.perSecond('Messages', 60)()).toBe(2);
    observed.count('Messages', 120);
    expect(await observed.percent('Errors', 'Messages')()).toBe(2.5);
    expect(await observed.percent('Errors', 'Messages')()).toBeUndefined();
  });

  it('reads the resident memory in megabytes', async () => {
    expect(await memoryUsedMegabytes(() => ({ rss: 157_286_400 }))()).toBe(150);
  });
});
