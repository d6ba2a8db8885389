/** One `lambda:invoke` of a local execution: the function named by the task, and its `Payload`. */
export interface LocalLambdaInvocation {
  readonly functionName: string;
  readonly payload: unknown;
}

/**
 * Runs a Lambda task offline: resolves with the function's return value (the task's `Payload`) or throws the
 * function's error, whose `name` becomes the task's error (what Retry/Catch match). `npm start` and the tests
 * route into the in-process agents (`runtimeLambdaInvoker`); the local cloud runs the synthesized bundles.
 *
 * @example
 * ```ts
 * const invoke: LocalLambdaInvoker = async ({ payload }) => ({ echoed: payload });
 * ```
 */
export type LocalLambdaInvoker = (invocation: LocalLambdaInvocation) => Promise<unknown>;
