import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../../../lib/constructs/project-paths.js';
import { createLocalEvents } from '../../../../local/cloud/events/local-events.js';
import { ratePeriodMs } from '../../../../local/cloud/events/schedule-rules.js';
import { localDeploymentOf, templateStack } from '../../../../local/cloud/load-local-deployment.js';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import { testCloudContext } from '../../../support/local-cloud-context.js';
import { missing, recordingPorts, START } from './events-fixture.js';

const TEMPLATE = projectPath('test/fixtures/local-cloud/events/schedules.template.json');

/** The schedules fixture on the local EventBridge, with recording ports and a frozen clock. */
const schedulesUnderTest = () => {
  const deployment = localDeploymentOf(
    [templateStack(JSON.parse(readFileSync(TEMPLATE, 'utf8')), 'Schedules')],
    projectPath('.'),
  );
  const clock = new LocalClock({ start: START });
  const ports = recordingPorts();
  ports.useClock(clock);
  const context = testCloudContext(
    deployment,
    { functions: ports.functions, queues: ports.queues, executions: ports.executionsPort },
    { clock },
  );
  const local = createLocalEvents(context, { backoff: { random: () => 0.5 } });
  return { ...local, deployment, clock, ports, journal: context.journal };
};

describe('schedule rules on the local EventBridge', () => {
  it('fire an enabled rate schedule one period after start and every period after, as the clock moves', async () => {
    const { events, ports, clock } = schedulesUnderTest();
    await clock.advance('59s');
    await events.drain();
    expect(ports.invocations).toEqual([]);
    await clock.advance('2m1s');
    await events.drain();
    expect(ports.invocations.map((call) => [call.functionName, call.at - START])).toEqual([
      ['collector', 60_000],
      ['collector', 120_000],
      ['collector', 180_000],
    ]);
  });

  it('hand the target the Scheduled Event EventBridge sends, naming the rule, and journal each firing', async () => {
    const { events, ports, clock, journal, deployment } = schedulesUnderTest();
    await clock.advance('1m');
    await events.drain();
    const rule = deployment.rules.find((each) => each.name === 'every-minute');
    expect(JSON.parse(ports.invocations[0]?.payload ?? '{}')).toMatchObject({
      version: '0',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      time: new Date(START + 60_000).toISOString().replace('.000', ''),
      resources: [rule?.arn],
      detail: {},
    });
    expect(journal.entries().filter((entry) => entry.action === 'Scheduled')).toMatchObject([
      { service: 'events', resource: 'every-minute', at: START + 60_000 },
    ]);
  });

  it('dead-letter a firing its target refuses, under the target’s retry policy', async () => {
    const { events, ports, clock } = schedulesUnderTest();
    ports.failNext('functions', missing());
    await clock.advance('1m');
    await events.drain();
    expect(ports.messages).toMatchObject([{ queue: expect.stringContaining('schedule-dlq') }]);
    expect(JSON.parse(ports.messages[0]?.body ?? '{}')).toMatchObject({ 'detail-type': 'Scheduled Event' });
  });

  it('never fire a disabled rule or a cron expression, which start-up lists as not run', async () => {
    const { events, ports, clock, deployment } = schedulesUnderTest();
    await clock.advance('2h');
    await events.drain();
    expect(ports.invocations).toHaveLength(120);
    expect(deployment.notModelled).toEqual([
      {
        stackName: 'Schedules',
        logicalId: 'Nightly',
        type: 'AWS::Events::Rule',
        what: 'property ScheduleExpression cron(0 2 * * ? *)',
        reason: 'only rate(…) schedules run locally; cron expressions never fire',
        disposition: 'unsupported',
      },
    ]);
  });

  it('stop when the local EventBridge closes', async () => {
    const { events, ports, clock, close } = schedulesUnderTest();
    await close();
    await clock.advance('5m');
    await events.drain();
    expect(ports.invocations).toEqual([]);
    expect(clock.armed).toBe(0);
  });

  it('read rate expressions as EventBridge accepts them', () => {
    expect(ratePeriodMs('rate(1 minute)')).toBe(60_000);
    expect(ratePeriodMs('rate(5 minutes)')).toBe(300_000);
    expect(ratePeriodMs('rate(2 hours)')).toBe(7_200_000);
    expect(ratePeriodMs('rate(1 day)')).toBe(86_400_000);
    for (const refused of ['rate(1 minutes)', 'rate(5 minute)', 'rate(0 hours)', 'cron(0 2 * * ? *)']) {
      expect(ratePeriodMs(refused), refused).toBeUndefined();
    }
  });
});
