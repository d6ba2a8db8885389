import { readFileSync } from 'node:fs';
import { TransientError } from '../../../lambdas/contracts/transient-error.js';
import type { TaskInvocation } from '../../../local/order-system/runtime-lambda-invoker.js';

const saga = JSON.parse(
  readFileSync(new URL('../../../statemachines/order-saga.asl.json', import.meta.url), 'utf8'),
) as { States: Record<string, { Retry?: { MaxAttempts: number }[] }> };

/** Attempts a saga step gets for a transient error: the first, plus its Retry's MaxAttempts (from the ASL). */
export const attemptsOf = (step: string): number => 1 + (saga.States[step]?.Retry?.[0]?.MaxAttempts ?? 0);

/** Counts every task per message type, and fails the ones `fail` picks (by attempt number, from 1). */
export function faults(fail: (task: TaskInvocation, attempt: number) => Error | undefined) {
  const attempts = new Map<string, number>();
  const injectFault = (task: TaskInvocation): Error | undefined => {
    const attempt = (attempts.get(task.messageType) ?? 0) + 1;
    attempts.set(task.messageType, attempt);
    return fail(task, attempt);
  };
  return { attempts, injectFault };
}

/** What a task's function throws when its store is throttled: retried by the saga. */
export const transient = (): Error => new TransientError(new Error('throttled by the store'));
