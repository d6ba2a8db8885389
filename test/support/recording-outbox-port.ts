import type { OutboxEntry, OutboxPublishPort } from '../../lambdas/patterns/outbox/outbox-publish-port.js';

/** `stream@version` of an entry: how these tests name events. */
export const at = (entry: Pick<OutboxEntry, 'metadata'>): string =>
  `${entry.metadata.streamId}@${entry.metadata.version}`;

export interface RecordingPortOptions {
  /** Entries (`stream@version`) the bus keeps rejecting. */
  readonly failing?: Set<string>;
  /** Entries the bus rejects the first n times. */
  readonly failTimes?: Map<string, number>;
  /** Runs before an entry is accepted (to hold one back). */
  readonly before?: (entry: OutboxEntry) => Promise<void>;
}

/**
 * An outbox publish port that records every call and every accepted entry, and rejects the entries it is told
 * to (each with an `Error` naming it), the way the bus reports per-entry failures.
 */
export const recordingOutboxPort = (options: RecordingPortOptions = {}) => {
  const failing = options.failing ?? new Set<string>();
  const failTimes = options.failTimes ?? new Map<string, number>();
  const published: OutboxEntry[] = [];
  const calls: OutboxEntry[][] = [];
  const port: OutboxPublishPort = {
    async publish(entries) {
      calls.push([...entries]);
      const failures = new Map<number, unknown>();
      await Promise.all(
        entries.map(async (entry, index) => {
          const left = failTimes.get(at(entry)) ?? 0;
          if (failing.has(at(entry)) || left > 0) {
            if (left > 0) failTimes.set(at(entry), left - 1);
            failures.set(index, new Error(`bus rejected ${at(entry)}`));
            return;
          }
          await options.before?.(entry);
          published.push(entry);
        }),
      );
      return failures;
    },
  };
  return { port, published, calls, failing, failTimes };
};
