import { describe, expect, it } from 'vitest';
import { eventsDeployment, eventsUnderTest } from './events-fixture.js';

describe('schedule rules on the local EventBridge', () => {
  it('are listed at start-up as not run, since only pattern rules match events locally', () => {
    expect(eventsDeployment().notModelled).toEqual([
      {
        stackName: 'Events',
        logicalId: 'Nightly',
        type: 'AWS::Events::Rule',
        what: 'property ScheduleExpression',
        reason: 'schedule rules are not run locally: only event patterns are matched',
        disposition: 'unsupported',
      },
    ]);
  });

  it('never invoke their targets, however far the clock moves', async () => {
    const { events, ports, clock } = eventsUnderTest();
    await clock.advance('3d');
    await events.drain();
    expect(ports.invocations).toEqual([]);
    expect(clock.armed).toBe(0);
  });
});
