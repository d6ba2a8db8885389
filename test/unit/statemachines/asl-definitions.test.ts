import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ORDER_CANCELLED_ERROR } from '../../../lambdas/contracts/order/lifecycle-entry.js';
import { LIFECYCLE_WAITS } from '../../../lambdas/contracts/order/lifecycle-waits.js';
import { SAGA_BUSINESS_ERROR_NAMES } from '../../../lambdas/contracts/order/saga-task-errors.js';
import { STATE_MACHINES, type StateMachineKey } from '../../../lambdas/contracts/state-machines.js';
import { LAMBDA_TRANSIENT_ERRORS, TRANSIENT_TASK_ERROR } from '../../../lambdas/contracts/transient-error.js';

type Validator = (
  definition: unknown,
  options?: { checkPaths?: boolean; checkArn?: boolean },
) => { isValid: boolean; errors: unknown[] };
const validate = createRequire(import.meta.url)('asl-validator') as Validator;

interface Retrier {
  ErrorEquals: string[];
  JitterStrategy?: string;
  MaxAttempts?: number;
  MaxDelaySeconds?: number;
}
interface State {
  Type: string;
  Resource?: string;
  Retry?: Retrier[];
  Catch?: { ErrorEquals: string[]; ResultPath?: string | null }[];
  TimeoutSeconds?: number;
  HeartbeatSeconds?: number;
  Parameters?: { Payload?: { data?: { awaiting?: string[]; ttlSeconds?: number; state?: string } } };
}

const text = (key: StateMachineKey): string =>
  readFileSync(new URL(`../../../${STATE_MACHINES[key].definitionFile}`, import.meta.url), 'utf8');
const states = (key: StateMachineKey): [string, State][] =>
  Object.entries((JSON.parse(text(key)) as { States: Record<string, State> }).States);
const tasks = (key: StateMachineKey) => states(key).filter(([, state]) => state.Type === 'Task');

/** What each kind of Task may retry: trouble a later attempt can get past, nothing else. */
const TRANSIENT_BY_RESOURCE: Record<string, readonly string[]> = {
  'arn:aws:states:::lambda:invoke': [TRANSIENT_TASK_ERROR, ...LAMBDA_TRANSIENT_ERRORS],
  'arn:aws:states:::lambda:invoke.waitForTaskToken': [TRANSIENT_TASK_ERROR, ...LAMBDA_TRANSIENT_ERRORS],
  'arn:aws:states:::events:putEvents': [
    'EventBridge.FailedEntry',
    'EventBridge.InternalException',
    'EventBridge.ThrottlingException',
  ],
  // A timed-out start is retried too: StartExecution with the same name and input answers the running one.
  'arn:aws:states:::states:startExecution': [
    'StepFunctions.ExecutionLimitExceeded',
    'StepFunctions.ThrottlingException',
    'States.Timeout',
  ],
  // A read: any service fault or timeout is worth another look.
  'arn:aws:states:::aws-sdk:sfn:describeExecution': ['Sfn.SfnException', 'States.Timeout'],
  'arn:aws:states:::sqs:sendMessage': ['SQS.AmazonSQSException', 'SQS.SdkClientException'],
};

const KEYS = Object.keys(STATE_MACHINES) as StateMachineKey[];

describe.each(KEYS)('statemachines: %s', (key) => {
  it('passes asl-validator', () => {
    const result = validate(JSON.parse(text(key)), { checkPaths: true, checkArn: true });
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('uses exactly the placeholders its contract declares', () => {
    const used = new Set([...text(key).matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1]));
    expect([...used].sort()).toEqual(Object.keys(STATE_MACHINES[key].placeholders).sort());
  });

  it('uses JSONPath only (the offline engine silently ignores JSONata and lacks Assign)', () => {
    expect(text(key)).not.toMatch(/"QueryLanguage"|"Assign"|"Arguments"|"Output"\s*:/);
  });

  it.each(tasks(key))('Task %s retries only transient errors, with full jitter', (_name, state) => {
    const allowed = TRANSIENT_BY_RESOURCE[state.Resource ?? ''];
    expect(allowed, `resource ${state.Resource}`).toBeDefined();
    expect(state.Retry?.length).toBeGreaterThan(0);
    for (const retrier of state.Retry ?? []) {
      for (const error of retrier.ErrorEquals) expect(allowed).toContain(error);
      expect(retrier.JitterStrategy).toBe('FULL');
      expect(retrier.MaxDelaySeconds).toBeGreaterThan(0);
    }
    if (state.Resource?.startsWith('arn:aws:states:::lambda:invoke')) {
      expect(state.Retry?.[0]?.ErrorEquals).toContain(TRANSIENT_TASK_ERROR);
    }
  });

  it.each(tasks(key))(
    'Task %s catches with ResultPath "$.error" and has a TimeoutSeconds',
    (_name, state) => {
      expect(state.Catch?.length).toBeGreaterThan(0);
      for (const catcher of state.Catch ?? []) expect(catcher.ResultPath).toBe('$.error');
      expect(state.TimeoutSeconds).toBeGreaterThan(0);
    },
  );
});

describe('business errors', () => {
  it('are never retried by any Task', () => {
    for (const key of KEYS) {
      for (const [, state] of tasks(key)) {
        const retried = (state.Retry ?? []).flatMap((retrier) => retrier.ErrorEquals);
        for (const name of [...SAGA_BUSINESS_ERROR_NAMES, 'States.ALL', 'States.TaskFailed']) {
          expect(retried).not.toContain(name);
        }
      }
    }
  });
});

describe('order-lifecycle waits', () => {
  it.each(Object.entries(LIFECYCLE_WAITS))('%s waits as LIFECYCLE_WAITS says', (orderState, wait) => {
    const state = Object.fromEntries(states('orderLifecycle'))[wait.stateName];
    expect(state?.Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
    expect(state?.HeartbeatSeconds).toBe(wait.heartbeatSeconds);
    expect(state?.TimeoutSeconds).toBe(wait.timeoutSeconds);
    expect(state?.Parameters?.Payload?.data).toMatchObject({
      state: orderState,
      awaiting: [...wait.awaiting],
      ttlSeconds: wait.heartbeatSeconds,
    });
    const caught = (state?.Catch ?? []).map((handler) => handler.ErrorEquals);
    expect(caught).toContainEqual(['States.HeartbeatTimeout', 'States.Timeout']);
    // A cancellation fails the wait with OrderCancelled; only a wait that awaits it catches it.
    expect(caught.some((errors) => errors.includes(ORDER_CANCELLED_ERROR))).toBe(
      wait.awaiting.includes('OrderCancelled'),
    );
  });
});
