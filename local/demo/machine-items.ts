import type { ExecutionHistoryEvent } from '../stepfunctions/local-execution.js';
import type { StepRole, TraceEvent, TraceMachine } from './trace-event.js';
import { TRACED_STATES } from './traced-states.js';

/**
 * One execution's history reduced to what the trace needs, in execution order: the events to print, and two
 * anchors that place them among the bus events (see `orderTrace`): `wait` (the execution parked on a task
 * token: triggers come after this) and `publish` (a putEvents state put its event on the bus).
 */
export type MachineItem =
  | { readonly kind: 'event'; readonly event: TraceEvent }
  | { readonly kind: 'wait' }
  | { readonly kind: 'publish' };

interface OpenStep {
  readonly state: string;
  readonly role: StepRole;
  readonly enteredAt: number;
  retries: number;
  caught: boolean;
  error?: string;
  cause?: string;
}

const EXECUTION_ENDS: Readonly<Record<string, string>> = {
  ExecutionSucceeded: 'SUCCEEDED',
  ExecutionFailed: 'FAILED',
  ExecutionAborted: 'ABORTED',
  ExecutionTimeout: 'TIMED_OUT',
};

const failure = (fields: { error?: string; cause?: string }): { error?: string; cause?: string } => ({
  ...(fields.error === undefined ? {} : { error: fields.error }),
  ...(fields.cause === undefined ? {} : { cause: fields.cause }),
});

/**
 * The items of one execution, from its history: a `step` event (timed from its entry) per traced Task
 * state that finished (ok) or failed for good (retries exhausted or a business error, caught or not), the
 * anchors, and an `execution` event at the end. A wait still open when the execution was stopped is left
 * out. The engine logs a state as
 * Entered, then Failed/Retried pairs, then Failed + Caught, then Exited.
 *
 * @example
 * ```ts
 * machineItems('saga', sfn.getExecutionHistory(executionArn));
 * // [{ kind: 'event', event: { kind: 'step', state: 'ValidateUser', status: 'ok', ... } }, ..., { kind: 'publish' }, ...]
 * ```
 */
export function machineItems(
  machine: TraceMachine,
  history: readonly ExecutionHistoryEvent[],
): MachineItem[] {
  const traced = TRACED_STATES[machine];
  const open = new Map<string, OpenStep>();
  const items: MachineItem[] = [];
  // A step is timed from when it was entered (what it caused, a notification say, then follows it).
  const close = (step: OpenStep, status: 'ok' | 'failed'): void => {
    open.delete(step.state);
    const { state, role, retries, enteredAt: at } = step;
    items.push({
      kind: 'event',
      event: { kind: 'step', at, machine, state, role, status, retries, ...failure(step) },
    });
  };
  for (const entry of history) {
    const ended = EXECUTION_ENDS[entry.type];
    if (ended !== undefined) {
      // A step that failed without a Catch failed the execution: it is still open here.
      for (const step of open.values()) if (step.error !== undefined) close(step, 'failed');
      items.push({
        kind: 'event',
        event: { kind: 'execution', at: entry.timestamp, machine, status: ended, ...failure(entry) },
      });
      continue;
    }
    const role = entry.stateName === undefined ? undefined : traced[entry.stateName];
    if (entry.stateName === undefined || role === undefined) continue;
    if (role === 'publish') {
      if (entry.type === 'StateExited') items.push({ kind: 'publish' });
      continue;
    }
    const step = open.get(entry.stateName);
    // A wait that enters its state published the state change before it parked.
    if (role === 'enter' && entry.type === 'StateEntered') items.push({ kind: 'publish' });
    switch (entry.type) {
      case 'StateEntered':
        open.set(entry.stateName, {
          state: entry.stateName,
          role: role === 'enter' ? 'wait' : role,
          enteredAt: entry.timestamp,
          retries: 0,
          caught: false,
        });
        if (role === 'wait' || role === 'enter') items.push({ kind: 'wait' });
        break;
      case 'StateFailed':
        if (step === undefined) break;
        step.error = entry.error;
        step.cause = entry.cause;
        break;
      case 'StateRetried':
        if (step !== undefined) step.retries += 1;
        break;
      case 'StateCaught':
        if (step !== undefined) step.caught = true;
        break;
      case 'StateExited':
        if (step !== undefined) close(step, step.caught ? 'failed' : 'ok');
        break;
    }
  }
  return items;
}
