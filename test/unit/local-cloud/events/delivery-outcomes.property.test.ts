import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AwsServiceError } from '../../../../local/cloud/endpoint/aws-service.js';
import { createLocalEvents } from '../../../../local/cloud/events/local-events.js';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import { testCloudContext } from '../../../support/local-cloud-context.js';
import { eventsDeployment, missing, order, recordingPorts, START, throttled } from './events-fixture.js';

const OUTCOMES = ['Delivered', 'SentToDeadLetterQueue', 'Dropped', 'DeadLetterFailed'];
const failure = fc.constantFrom(
  throttled,
  missing,
  () => new AwsServiceError('ServiceException', 'unavailable', { status: 502 }),
  () => new AwsServiceError('AccessDeniedException', 'denied', { status: 403 }),
);

describe('every event put reaches exactly one outcome per target, whatever its target answers', () => {
  it('ends delivered, dead-lettered or dropped once, within the retry policy, for random failure scripts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(failure, { maxLength: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        async (script, orders, jitter) => {
          const clock = new LocalClock({ start: START });
          const ports = recordingPorts();
          ports.failNext('functions', ...script.map((make) => make()));
          const context = testCloudContext(
            eventsDeployment(),
            { functions: ports.functions, queues: ports.queues },
            { clock },
          );
          const { events, close } = createLocalEvents(context, { backoff: { random: () => jitter } });
          const detail = (i: number) => ({ orderId: `o-${i}`, total: 1 });
          await events.putEvents(Array.from({ length: orders }, (_, i) => order(detail(i))));
          await events.drain();
          await clock.advance('1d');
          await events.drain();
          const outcomes = context.journal.entries().filter((entry) => OUTCOMES.includes(entry.action));
          expect(outcomes).toHaveLength(orders);
          for (let i = 0; i < orders; i += 1) {
            expect(outcomes.filter((entry) => entry.payload.includes(`"o-${i}"`))).toHaveLength(1);
          }
          // to-worker allows 3 retries: one attempt at least and four at most an event.
          expect(ports.invocations.length).toBeLessThanOrEqual(orders * 4);
          expect(ports.invocations.length).toBeGreaterThanOrEqual(orders);
          expect(events.pendingRetries).toBe(0);
          await close();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('sends a target whose input cannot be shaped straight to its DLQ, without retrying', async () => {
    const clock = new LocalClock({ start: START });
    const deployment = eventsDeployment();
    const broken = {
      ...deployment,
      rules: deployment.rules.map((rule) =>
        rule.name !== 'to-worker'
          ? rule
          : { ...rule, targets: rule.targets.map((target) => ({ ...target, inputPath: '$..detail' })) },
      ),
    };
    const ports = recordingPorts();
    const context = testCloudContext(broken, { functions: ports.functions, queues: ports.queues }, { clock });
    const { events } = createLocalEvents(context);
    await events.putEvents([order({ orderId: 'o-1' })]);
    await events.drain();
    await clock.advance('1d');
    expect(ports.invocations).toEqual([]);
    expect(ports.messages[0]?.attributes).toMatchObject({
      ERROR_CODE: { DataType: 'String', StringValue: 'INVALID_PARAMETER' },
      RETRY_ATTEMPTS: { DataType: 'String', StringValue: '0' },
    });
  });
});
