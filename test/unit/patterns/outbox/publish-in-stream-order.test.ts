import { describe, expect, it } from 'vitest';
import { OutboxOrderHoldError } from '../../../../lambdas/patterns/outbox/outbox-error.js';
import { publishInStreamOrder } from '../../../../lambdas/patterns/outbox/publish-in-stream-order.js';
import type { StoredEvent } from '../../../../lambdas/stores/event-store/stored-event.js';
import { at, recordingOutboxPort } from '../../../support/recording-outbox-port.js';

const event = (streamId: string, version: number): StoredEvent => ({
  streamId,
  version,
  id: `evt-${streamId}-${version}`,
  type: 'Added',
  data: { version },
  metadata: { correlationId: 'c', causationId: 'c', time: '2026-01-02T03:04:05.678Z' },
});

describe('publishInStreamOrder', () => {
  it('publishes the same stream and version once, and reports its outcome at every position', async () => {
    const { port, published } = recordingOutboxPort({ failing: new Set(['b@1']) });
    const failures = await publishInStreamOrder(port, [
      event('a', 1),
      event('b', 1),
      event('a', 1),
      event('b', 1),
    ]);
    expect(published.map(at)).toEqual(['a@1']);
    expect([...failures.keys()]).toEqual([1, 3]);
  });

  it("puts a stream's events out in version order whatever order they come in, one round per version", async () => {
    const { port, calls } = recordingOutboxPort();
    await publishInStreamOrder(port, [event('a', 3), event('b', 1), event('a', 1), event('a', 2)]);
    expect(calls.map((call) => call.map(at))).toEqual([['a@1', 'b@1'], ['a@2'], ['a@3']]);
  });

  it('holds back every later version of a failed one, naming each', async () => {
    const { port, calls } = recordingOutboxPort({ failing: new Set(['a@1']) });
    const failures = await publishInStreamOrder(port, [
      event('a', 1),
      event('a', 2),
      event('a', 3),
      event('b', 1),
    ]);
    expect(calls.map((call) => call.map(at))).toEqual([['a@1', 'b@1']]);
    expect([1, 2].map((index) => failures.get(index))).toEqual([
      expect.objectContaining({ streamId: 'a', version: 2 }),
      expect.objectContaining({ streamId: 'a', version: 3 }),
    ]);
    expect(failures.get(0)).not.toBeInstanceOf(OutboxOrderHoldError);
    expect(failures.has(3)).toBe(false);
  });

  it('hands the port the next event of every stream in one round, however many streams', async () => {
    const { port, calls } = recordingOutboxPort();
    await publishInStreamOrder(
      port,
      Array.from({ length: 25 }, (_, n) => event(`s-${n}`, 1)),
    );
    expect(calls.map((call) => call.length)).toEqual([25]);
  });
});
