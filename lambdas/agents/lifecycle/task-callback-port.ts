/**
 * How the lifecycle agent answers a waiting Step Functions task: the SendTaskSuccess / SendTaskFailure /
 * SendTaskHeartbeat calls, behind a port so the agent runs on AWS (`SfnTaskCallbacks`, SDK client injected)
 * and offline (`LocalTaskCallbacks` on the local engine) alike.
 *
 * Every method throws `TaskTokenClosedError` when the token's task is over (completed, timed out, or not a
 * token at all), and `TaskCallbackUnavailableError` (transient) when the service could not be reached.
 *
 * @example
 * ```ts
 * await callbacks.succeed(token, { trigger: 'PaymentCompleted', eventId, receivedAt, data });
 * ```
 */
export interface TaskCallbackPort {
  /** Resumes the waiting task with `output` (serialised as JSON) as its result. */
  succeed(taskToken: string, output: unknown): Promise<void>;
  /** Fails the waiting task with an error name its Retry/Catch match, and a cause. */
  fail(taskToken: string, error: string, cause: string): Promise<void>;
  /** Tells the waiting task it is still alive (resets its HeartbeatSeconds clock). */
  heartbeat(taskToken: string): Promise<void>;
}
