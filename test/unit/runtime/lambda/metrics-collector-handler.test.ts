import { describe, expect, it } from 'vitest';
import { MetricsCollector } from '../../../../lambdas/patterns/metrics/metrics-collector.js';
import { declareMetrics } from '../../../../lambdas/patterns/metrics/metrics-declaration.js';
import {
  metricsCollectorHandler,
  metricsCollectorWiring,
} from '../../../../lambdas/runtime/lambda/metrics-collector-handler.js';

const QUEUE = declareMetrics({
  collector: 'queue-health',
  metrics: [
    { name: 'Depth', unit: 'Count', description: 'Messages waiting' },
    { name: 'Age', unit: 'Seconds', description: 'Oldest message' },
  ],
  alerts: [
    {
      name: 'Deep',
      metric: 'Depth',
      statistic: 'Maximum',
      comparison: 'GreaterThanThreshold',
      threshold: 10,
      periodSeconds: 60,
      evaluationPeriods: 1,
    },
  ],
});

const logged = () => {
  const lines: { level: string; message: string }[] = [];
  return {
    lines,
    logger: {
      info: (message: string) => void lines.push({ level: 'info', message }),
      warn: (message: string) => void lines.push({ level: 'warn', message }),
    },
  };
};

describe('the metrics collector’s Lambda handler', () => {
  it('answers one collection per invocation with each rule’s state, logging each change of state', async () => {
    const { lines, logger } = logged();
    const collector = new MetricsCollector({
      declaration: QUEUE,
      sources: { Depth: () => 12, Age: () => 3 },
      clock: { now: () => Date.UTC(2026, 11, 2, 12, 0) },
    });
    const handler = metricsCollectorHandler(collector, logger);
    expect(await handler({ 'detail-type': 'Scheduled Event' })).toEqual({
      at: '2026-12-02T12:00:00.000Z',
      samples: 2,
      attempts: 1,
      alerts: { Deep: 'ALARM' },
    });
    expect(lines).toEqual([{ level: 'info', message: 'alert Deep: INSUFFICIENT_DATA → ALARM' }]);
  });

  it('logs a source that still failed after the retries instead of throwing, so Lambda does not run it again', async () => {
    const { lines, logger } = logged();
    const collector = new MetricsCollector({
      declaration: QUEUE,
      sources: {
        Depth: () => 1,
        Age: () => {
          throw new Error('queue unreachable');
        },
      },
      sleep: async () => undefined,
    });
    const summary = await metricsCollectorHandler(collector, logger)({});
    expect(summary).toMatchObject({
      samples: 1,
      attempts: 3,
      error: expect.stringContaining('queue unreachable'),
    });
    expect(lines.filter((line) => line.level === 'warn')).toHaveLength(1);
  });

  it('names each table from the environment the construct sets, refusing a missing one at cold start', () => {
    const wiring = metricsCollectorWiring(QUEUE, { QUEUE_TABLE_NAME: 'opsdesk-queue' });
    const table = {
      id: 'Queue',
      envVar: 'QUEUE_TABLE_NAME',
      localName: 'queue',
      partitionKey: { name: 'pk', type: 'S' },
    } as const;
    expect(wiring.tableName(table)).toBe('opsdesk-queue');
    expect(() => wiring.tableName({ ...table, envVar: 'OTHER_TABLE_NAME' })).toThrow('OTHER_TABLE_NAME');
  });
});
