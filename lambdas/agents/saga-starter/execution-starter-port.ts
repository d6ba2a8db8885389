/** One StartExecution request: the execution's name (unique per state machine) and its JSON input. */
export interface ExecutionStartRequest {
  readonly name: string;
  readonly input: unknown;
}

/**
 * Starts executions of one state machine. Adapters: `SfnExecutionStarter` (AWS, SFN client injected) and the
 * local order system's starter on `LocalStepFunctions`.
 *
 * `start` throws `ExecutionAlreadyStartedError` when an execution of that name exists (and is not the same
 * running request, which Step Functions answers idempotently), `ExecutionStartUnavailableError` (transient)
 * when the service throttled or failed, and `ExecutionStartRejectedError` for anything a retry cannot fix.
 *
 * @example
 * ```ts
 * const { executionArn } = await starter.start({ name: order.orderId, input: order });
 * ```
 */
export interface ExecutionStarter {
  start(request: ExecutionStartRequest): Promise<{ readonly executionArn: string }>;
}
