import type { ExecutionHistoryEvent } from '../../stepfunctions/local-execution.js';

/** One event of GetExecutionHistory, in the API's shape (timestamps as epoch seconds, the JSON protocol's). */
export interface ApiHistoryEvent {
  readonly id: number;
  readonly previousEventId: number;
  readonly timestamp: number;
  readonly type: string;
  readonly [details: string]: unknown;
}

const seconds = (ms: number): number => ms / 1_000;

/** The API's type and details of one engine event; undefined for engine-only events (retries, catches). */
function apiShape(
  event: ExecutionHistoryEvent,
  roleArn: string,
): { type: string; details: Record<string, unknown> } | undefined {
  const state = event.stateType ?? 'Task';
  switch (event.type) {
    case 'ExecutionStarted':
      return {
        type: 'ExecutionStarted',
        details: { executionStartedEventDetails: { input: event.input ?? '{}', roleArn } },
      };
    case 'ExecutionSucceeded':
      return {
        type: 'ExecutionSucceeded',
        details: { executionSucceededEventDetails: { output: event.output ?? 'null' } },
      };
    case 'ExecutionFailed':
      return {
        type: 'ExecutionFailed',
        details: { executionFailedEventDetails: { error: event.error, cause: event.cause } },
      };
    case 'ExecutionAborted':
      return { type: 'ExecutionAborted', details: { executionAbortedEventDetails: {} } };
    case 'ExecutionTimeout':
      return { type: 'ExecutionTimedOut', details: { executionTimedOutEventDetails: {} } };
    case 'StateEntered':
      return {
        type: `${state}StateEntered`,
        details: { stateEnteredEventDetails: { name: event.stateName, input: event.input ?? '{}' } },
      };
    case 'StateExited':
      return {
        type: `${state}StateExited`,
        details: { stateExitedEventDetails: { name: event.stateName, output: event.output ?? 'null' } },
      };
    case 'TaskSubmitted':
      return {
        type: 'TaskSubmitted',
        details: {
          taskSubmittedEventDetails: {
            resourceType: 'lambda',
            resource: 'invoke.waitForTaskToken',
            output: '{}',
          },
        },
      };
    case 'StateRetried':
      // AWS writes a Task's retry as its next attempt being scheduled.
      return state === 'Task'
        ? {
            type: 'TaskScheduled',
            details: {
              taskScheduledEventDetails: { resourceType: 'lambda', resource: 'invoke', parameters: '{}' },
            },
          }
        : undefined;
    case 'StateFailed':
      return state === 'Task'
        ? {
            type: 'TaskFailed',
            details: { taskFailedEventDetails: { error: event.error, cause: event.cause } },
          }
        : undefined;
    default:
      return undefined;
  }
}

/** An execution's history as GetExecutionHistory answers it: numbered from 1, each linked to the one before. */
export function apiHistory(history: readonly ExecutionHistoryEvent[], roleArn: string): ApiHistoryEvent[] {
  const events: ApiHistoryEvent[] = [];
  for (const event of history) {
    const shape = apiShape(event, roleArn);
    if (shape === undefined) continue;
    events.push({
      id: events.length + 1,
      previousEventId: events.length,
      timestamp: seconds(event.timestamp),
      type: shape.type,
      ...shape.details,
    });
  }
  return events;
}
