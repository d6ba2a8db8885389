import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type { ExecutionHistoryEvent } from '../stepfunctions/local-execution.js';

const EXECUTION_ENDS: Readonly<Record<string, string>> = {
  ExecutionSucceeded: 'ExecutionSucceeded',
  ExecutionFailed: 'ExecutionFailed',
  ExecutionAborted: 'ExecutionAborted',
  ExecutionTimedOut: 'ExecutionTimeout',
};
/** The events of a task's attempt that failed, each with its details' field. */
const ATTEMPT_FAILURES: Readonly<Record<string, keyof HistoryEvent>> = {
  TaskFailed: 'taskFailedEventDetails',
  TaskTimedOut: 'taskTimedOutEventDetails',
  LambdaFunctionFailed: 'lambdaFunctionFailedEventDetails',
  LambdaFunctionTimedOut: 'lambdaFunctionTimedOutEventDetails',
};
const ATTEMPT_STARTS = new Set(['TaskScheduled', 'LambdaFunctionScheduled']);

/**
 * GetExecutionHistory's events as the engine's history (the shape the demo's trace reads): states entered
 * and exited by name, a failed attempt as `StateFailed`, a further attempt after one as `StateRetried`, a
 * state left after a failure as `StateCaught` then `StateExited`, and the execution's end. A retry is the
 * attempt scheduled after a failed one, as AWS (and the local cloud) writes it.
 *
 * @example
 * ```ts
 * const items = machineItems('saga', engineHistoryOf((await sfn.send(new GetExecutionHistoryCommand(q))).events));
 * ```
 */
export function engineHistoryOf(events: readonly HistoryEvent[]): ExecutionHistoryEvent[] {
  const history: ExecutionHistoryEvent[] = [];
  let current: string | undefined;
  let failed = false;
  for (const event of events) {
    const type = event.type ?? '';
    const timestamp = event.timestamp?.getTime() ?? 0;
    const ended = EXECUTION_ENDS[type];
    if (ended !== undefined) {
      const details = event.executionFailedEventDetails;
      history.push({
        type: ended,
        timestamp,
        ...(details?.error === undefined ? {} : { error: details.error }),
        ...(details?.cause === undefined ? {} : { cause: details.cause }),
      });
      continue;
    }
    if (type.endsWith('StateEntered')) {
      current = event.stateEnteredEventDetails?.name;
      failed = false;
      if (current !== undefined)
        history.push({ type: 'StateEntered', timestamp, stateName: current, stateType: type.slice(0, -12) });
      continue;
    }
    if (type.endsWith('StateExited')) {
      const stateName = event.stateExitedEventDetails?.name ?? current;
      if (stateName === undefined) continue;
      if (failed) history.push({ type: 'StateCaught', timestamp, stateName });
      history.push({ type: 'StateExited', timestamp, stateName, stateType: type.slice(0, -11) });
      current = undefined;
      failed = false;
      continue;
    }
    if (current === undefined) continue;
    if (ATTEMPT_STARTS.has(type) && failed) {
      history.push({ type: 'StateRetried', timestamp, stateName: current });
      failed = false;
      continue;
    }
    const field = ATTEMPT_FAILURES[type];
    if (field === undefined) continue;
    const details = event[field] as { error?: string; cause?: string } | undefined;
    history.push({
      type: 'StateFailed',
      timestamp,
      stateName: current,
      ...(details?.error === undefined ? {} : { error: details.error }),
      ...(details?.cause === undefined ? {} : { cause: details.cause }),
    });
    failed = true;
  }
  return history;
}
