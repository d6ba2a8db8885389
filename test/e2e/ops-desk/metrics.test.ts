/**
 * The desk's health collector on the local cloud: its schedule fires as the cloud's clock moves, the
 * collector's function prints the desk's metrics as EMF (read from its output, as CloudWatch Logs would
 * receive it), and the incident-backlog alarm of the synthesized template, evaluated locally on those
 * datapoints with CloudWatch's semantics, goes to ALARM once more than 20 incidents waited in 3 of 5 minutes.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESK_HEALTH } from '../../../examples/ops-desk/health/agents.js';
import { datapointsOf, evaluateAlarm } from '../../../lambdas/patterns/metrics/alarm-evaluation.js';
import { alertRuleOfAlarm } from '../../../lambdas/patterns/metrics/cloudwatch-alarm-rule.js';
import { type EmfSample, samplesOfEmfLine } from '../../../lambdas/patterns/metrics/metric-sinks.js';
import type { ResolvedAlertRule } from '../../../lambdas/patterns/metrics/metrics-declaration.js';
import { ensureSynthesized } from '../../../local/cdk-out/cdk-out-template.js';
import { OPS_DESK_LOCAL_SYNTH, type OpsDesk, openOpsDesk } from '../../support/ops-desk-cloud.js';

/** The alarm the template deploys on the incident backlog, as the rule it evaluates. */
const backlogAlarmOfTemplate = (): ResolvedAlertRule => {
  const template = JSON.parse(
    readFileSync(join(ensureSynthesized(OPS_DESK_LOCAL_SYNTH), 'OpsDesk.template.json'), 'utf8'),
  ) as { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };
  const alarms = Object.entries(template.Resources).filter(
    ([, resource]) =>
      resource.Type === 'AWS::CloudWatch::Alarm' && resource.Properties?.MetricName === 'IncidentBacklog',
  );
  expect(alarms).toHaveLength(1);
  const [logicalId, alarm] = alarms[0] as [string, { Properties: Record<string, unknown> }];
  expect(alarm.Properties).toMatchObject({
    Namespace: 'agentbridge',
    Dimensions: [{ Name: 'service', Value: 'desk-health' }],
  });
  return alertRuleOfAlarm(logicalId, alarm.Properties);
};

describe('the desk’s health collector, deployed', () => {
  let desk: OpsDesk;
  const output: string[] = [];
  let incidentsTable: string;

  beforeAll(async () => {
    desk = await openOpsDesk(inject('dynamodbEndpoint'), {
      functionOutput: { warn: (line) => void output.push(line), error: () => undefined },
    });
    incidentsTable = (await desk.environmentOf('desk-health')).INCIDENTS_TABLE_NAME ?? '';
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
  });

  /** The collector's EMF samples of the incident backlog so far, from its function's output. */
  const backlogSamples = (): EmfSample[] =>
    output
      .filter((line) => line.startsWith('[opsdesk-desk-health] '))
      .flatMap(samplesOfEmfLine)
      .filter((sample) => sample.metric === 'IncidentBacklog');

  const tick = async () => {
    const before = backlogSamples().length;
    await desk.advance?.('1m');
    return desk.eventually(
      'the collector’s next backlog sample',
      async () => backlogSamples(),
      (samples) => samples.length > before,
      90_000,
    );
  };

  it('emits the backlog every minute and the template’s alarm goes to ALARM at 3 of 5 minutes over 20', async () => {
    const rule = backlogAlarmOfTemplate();
    const { name: _, description: __, ...declared } = DESK_HEALTH.alerts[0] as ResolvedAlertRule;
    const { name: ___, ...compiled } = rule;
    expect(compiled).toEqual(declared);

    const observedAt = new Date(desk.cloud?.clock.now() ?? Date.now()).toISOString();
    for (let index = 0; index < 25; index += 1) {
      await desk.clients.documentClient.send(
        new PutCommand({
          TableName: incidentsTable,
          Item: { incidentId: `inc-health-${randomUUID()}`, observedAt, enrichmentErrors: {} },
        }),
      );
    }
    const states: string[] = [];
    let samples: EmfSample[] = [];
    for (let minute = 0; minute < 3; minute += 1) {
      samples = await tick();
      const latest = samples.at(-1);
      expect(latest).toMatchObject({
        namespace: 'agentbridge',
        unit: 'Count',
        dimensions: { service: 'desk-health' },
      });
      expect(latest?.value).toBeGreaterThanOrEqual(25);
      const now = latest?.timestamp ?? 0;
      states.push(evaluateAlarm(rule, datapointsOf(rule, samples, now), 'OK').state);
    }
    expect(states.at(-1)).toBe('ALARM');
    // Two breaching minutes of the needed three were not enough, unless the desk already had a backlog.
    const before = samples.slice(0, -3).filter((sample) => sample.value > rule.threshold);
    if (before.length === 0) expect(states.slice(0, 2)).toEqual(['OK', 'OK']);
  }, 240_000);
});
