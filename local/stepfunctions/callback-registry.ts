import { randomBytes } from 'node:crypto';
import { InvalidTokenError, TaskTimedOutError } from './local-step-functions-error.js';
import { type CallbackTimer, setLongTimeout } from './long-timer.js';
import { TaskFailureError } from './task-failure-error.js';

/** When a callback gives up: TimeoutSeconds and HeartbeatSeconds of its state, in (scaled) milliseconds. */
export interface CallbackTimeouts {
  readonly timeoutMs?: number;
  readonly heartbeatMs?: number;
}

/** A task waiting for its token: what SendTask* reaches. */
export interface IssuedCallback {
  readonly token: string;
  /** Settles with the SendTaskSuccess output, or rejects with the failure / timeout. */
  readonly result: Promise<unknown>;
}

interface Pending {
  readonly executionArn: string;
  readonly stateName: string;
  readonly resolve: (output: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly heartbeatMs: number | undefined;
  readonly onSettled: (() => void) | undefined;
  cancelTimeout: () => void;
  cancelHeartbeat: () => void;
}

const NO_TIMER = (): void => {};

/**
 * The task tokens aws-local-stepfunctions lacks: each `.waitForTaskToken` state gets a fresh opaque token,
 * and a deferred promise that SendTaskSuccess / SendTaskFailure settle, TimeoutSeconds rejects with
 * `States.Timeout` and a missed heartbeat with `States.HeartbeatTimeout`. A token works once: afterwards
 * every call with it is `TaskTimedOut` (as on AWS), a token never issued is `InvalidToken`.
 *
 * @example
 * ```ts
 * const { token, result } = registry.issue(executionArn, 'AwaitPayment', { timeoutMs: 60_000 });
 * registry.succeed(token, { ok: true }); // result resolves with { ok: true }
 * ```
 */
export class CallbackRegistry {
  readonly #pending = new Map<string, Pending>();
  readonly #closed = new Set<string>();
  readonly #timer: CallbackTimer;

  /** `timer` arms the TimeoutSeconds and HeartbeatSeconds deadlines: real timers unless a test moves time. */
  constructor(timer: CallbackTimer = setLongTimeout) {
    this.#timer = timer;
  }

  /**
   * Issues a token. `onSettled` runs synchronously when the token is settled (by a SendTask* call, a timeout
   * or the execution's end), before any awaiting code resumes.
   */
  issue(
    executionArn: string,
    stateName: string,
    timeouts: CallbackTimeouts,
    onSettled?: () => void,
  ): IssuedCallback {
    const token = randomBytes(48).toString('base64url');
    const result = new Promise<unknown>((resolve, reject) => {
      const pending: Pending = {
        executionArn,
        stateName,
        resolve,
        reject,
        heartbeatMs: timeouts.heartbeatMs,
        onSettled,
        cancelTimeout: NO_TIMER,
        cancelHeartbeat: NO_TIMER,
      };
      if (timeouts.timeoutMs !== undefined) {
        const timedOut = new TaskFailureError(
          'States.Timeout',
          `${stateName} timed out waiting for its callback`,
        );
        pending.cancelTimeout = this.#timer(() => this.#settle(token, timedOut), timeouts.timeoutMs);
      }
      this.#pending.set(token, pending);
      this.#armHeartbeat(token, pending);
    });
    return { token, result };
  }

  succeed(token: string, output: unknown): void {
    this.#take(token).resolve(output);
  }

  fail(token: string, error: string, cause: string): void {
    this.#take(token).reject(new TaskFailureError(error, cause));
  }

  /** Whether the token still waits for a SendTask* call. */
  isPending(token: string): boolean {
    return this.#pending.has(token);
  }

  /** Withdraws a token whose awaiting task could not be started: the state fails with that error instead. */
  withdraw(token: string): void {
    if (this.#pending.has(token)) this.#take(token).resolve(undefined);
  }

  heartbeat(token: string): void {
    const pending = this.#pending.get(token);
    if (pending === undefined)
      throw this.#closed.has(token) ? new TaskTimedOutError() : new InvalidTokenError();
    pending.cancelHeartbeat();
    this.#armHeartbeat(token, pending);
  }

  /** The callbacks an execution is parked on. */
  pendingFor(executionArn: string): { token: string; stateName: string }[] {
    return [...this.#pending.entries()]
      .filter(([, pending]) => pending.executionArn === executionArn)
      .map(([token, pending]) => ({ token, stateName: pending.stateName }));
  }

  /** Closes an execution's callbacks (it ended, or was stopped): their tokens answer TaskTimedOut from now on. */
  closeExecution(executionArn: string, reason: string): void {
    for (const { token } of this.pendingFor(executionArn)) {
      this.#settle(token, new TaskFailureError('States.Runtime', reason));
    }
  }

  #armHeartbeat(token: string, pending: Pending): void {
    if (pending.heartbeatMs === undefined) return;
    pending.cancelHeartbeat = this.#timer(
      () =>
        this.#settle(
          token,
          new TaskFailureError('States.HeartbeatTimeout', `${pending.stateName} missed its heartbeat`),
        ),
      pending.heartbeatMs,
    );
  }

  #settle(token: string, error: Error): void {
    if (this.#pending.has(token)) this.#take(token).reject(error);
  }

  #take(token: string): Pending {
    const pending = this.#pending.get(token);
    if (pending === undefined)
      throw this.#closed.has(token) ? new TaskTimedOutError() : new InvalidTokenError();
    this.#pending.delete(token);
    this.#closed.add(token);
    pending.cancelTimeout();
    pending.cancelHeartbeat();
    pending.onSettled?.();
    return pending;
  }
}
