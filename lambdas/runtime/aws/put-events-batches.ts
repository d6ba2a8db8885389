import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';

/** EventBridge's limits per PutEvents call: 10 entries, 256 KB in total, and so 256 KB for one entry. */
export const PUT_EVENTS_LIMITS = { maxEntries: 10, maxBytes: 256 * 1024 } as const;

/** `Time` counts as a fixed 14 bytes, however it is written. */
const TIME_BYTES = 14;

/**
 * The size EventBridge charges an entry against the 256 KB limit, computed the way AWS documents it
 * ("Calculating PutEvents event entry size"): UTF-8 bytes of Source, DetailType, Detail and each Resource,
 * plus 14 bytes when Time is set. The bus name and trace header do not count.
 */
export function putEventsEntrySize(entry: PutEventsRequestEntry): number {
  let size = entry.Time === undefined ? 0 : TIME_BYTES;
  if (entry.Source !== undefined) size += Buffer.byteLength(entry.Source, 'utf8');
  if (entry.DetailType !== undefined) size += Buffer.byteLength(entry.DetailType, 'utf8');
  if (entry.Detail !== undefined) size += Buffer.byteLength(entry.Detail, 'utf8');
  for (const resource of entry.Resources ?? []) size += Buffer.byteLength(resource, 'utf8');
  return size;
}

/**
 * Splits entries (given by their sizes) into consecutive PutEvents calls of at most `maxEntries` entries and
 * `maxBytes` bytes, keeping their order. Returns the indices of each call's entries. Every size must already be
 * within `maxBytes`.
 *
 * @example
 * ```ts
 * splitIntoBatches([200_000, 100_000, 10]); // [[0], [1, 2]]
 * ```
 */
export function splitIntoBatches(
  sizes: readonly number[],
  limits: { readonly maxEntries: number; readonly maxBytes: number } = PUT_EVENTS_LIMITS,
): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  sizes.forEach((size, index) => {
    if (current.length === limits.maxEntries || (current.length > 0 && bytes + size > limits.maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(index);
    bytes += size;
  });
  if (current.length > 0) batches.push(current);
  return batches;
}
