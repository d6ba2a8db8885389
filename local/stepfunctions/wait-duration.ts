import type { LocalWaitSpec } from './prepare-definition.js';
import { TaskFailureError } from './task-failure-error.js';

/** The value at a simple JSONPath (`$`, `$.a.b`, `$.items[0].at`) of the state's input. */
function valueAt(path: string, input: unknown): unknown {
  if (!/^\$(?:\.[A-Za-z_][\w-]*|\[\d+\])*$/.test(path)) {
    throw new TaskFailureError('States.Runtime', `the local engine cannot read the path ${path}`);
  }
  let value = input;
  for (const [, key, index] of path.slice(1).matchAll(/\.([A-Za-z_][\w-]*)|\[(\d+)\]/g)) {
    const container = value as Record<string, unknown> | unknown[] | null | undefined;
    value =
      index === undefined
        ? (container as Record<string, unknown>)?.[key ?? '']
        : (container as unknown[])?.[Number(index)];
  }
  return value;
}

/**
 * How many milliseconds a Wait state waits from `now`, as AWS computes it: Seconds or SecondsPath (a
 * non-negative integer), Timestamp or TimestampPath (an ISO timestamp; a past one does not wait).
 */
export function waitMilliseconds(wait: LocalWaitSpec, input: unknown, now: number): number {
  if ('seconds' in wait) return wait.seconds * 1_000;
  if ('timestamp' in wait) return untilTimestamp(wait.timestamp, now, 'Timestamp');
  if ('secondsPath' in wait) {
    const seconds = valueAt(wait.secondsPath, input);
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      throw new TaskFailureError(
        'States.Runtime',
        `SecondsPath ${wait.secondsPath} is not a non-negative integer`,
      );
    }
    return seconds * 1_000;
  }
  const timestamp = valueAt(wait.timestampPath, input);
  if (typeof timestamp !== 'string') {
    throw new TaskFailureError('States.Runtime', `TimestampPath ${wait.timestampPath} is not a timestamp`);
  }
  return untilTimestamp(timestamp, now, 'TimestampPath');
}

function untilTimestamp(text: string, now: number, field: string): number {
  const at = Date.parse(text);
  if (Number.isNaN(at)) throw new TaskFailureError('States.Runtime', `${field} ${text} is not a timestamp`);
  return Math.max(0, at - now);
}
