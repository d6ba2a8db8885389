import { declareMetrics, MetricsCollector } from 'agentbridge/patterns';

const backlogHigh = { name: 'BacklogHigh', metric: 'Backlog', statistic: 'Maximum', threshold: 20 } as const;
const threeOfFive = { periodSeconds: 60, evaluationPeriods: 5, datapointsToAlarm: 3 };
const rule = { ...backlogHigh, ...threeOfFive, comparison: 'GreaterThanThreshold' } as const;
const metrics = [{ name: 'Backlog', unit: 'Count', description: 'Incidents waiting' }] as const;
const desk = declareMetrics({ collector: 'desk-health', metrics, alerts: [rule] });
const backlog = [4, 22, 9, 25, 30]; // on Lambda, sinks: [EmfMetricSink] make each sample a CloudWatch metric
const clock = { now: () => Date.UTC(2026, 0, 1, 9, 5 - backlog.length) };
const collector = new MetricsCollector({ declaration: desk, sources: { Backlog: () => backlog[0] }, clock });
while (backlog.length > 0) {
  const { alerts } = await collector.collect();
  console.log(new Date(clock.now()).toISOString().slice(11, 16), backlog.shift(), alerts.BacklogHigh?.state);
}
