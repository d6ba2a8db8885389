import { describe, expect, it } from 'vitest';
import {
  PUT_EVENTS_LIMITS,
  putEventsEntrySize,
  splitIntoBatches,
} from '../../../../lambdas/runtime/aws/put-events-batches.js';

describe('PutEvents entry size and batching', () => {
  it('measures an entry as AWS does: UTF-8 bytes of source, detail-type, detail and resources, plus 14 for Time', () => {
    const entry = { Source: 'src', DetailType: 'dt', Detail: '{"a":"é"}', Resources: ['arn:1'] };
    expect(putEventsEntrySize(entry)).toBe(3 + 2 + 10 + 5);
    expect(putEventsEntrySize({ ...entry, Time: new Date(), EventBusName: 'a-very-long-bus-name' })).toBe(
      20 + 14,
    );
  });

  it('puts at most 10 entries in one call', () => {
    const batches = splitIntoBatches(Array.from({ length: 25 }, () => 100));
    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
    expect(batches.flat()).toEqual(Array.from({ length: 25 }, (_, index) => index));
  });

  it('starts a new call before the total would pass 256 KB', () => {
    const max = PUT_EVENTS_LIMITS.maxBytes;
    expect(splitIntoBatches([max - 10, 10, 1])).toEqual([[0, 1], [2]]);
    expect(splitIntoBatches([200_000, 100_000, 10])).toEqual([[0], [1, 2]]);
    expect(splitIntoBatches([max, max])).toEqual([[0], [1]]);
  });
});
