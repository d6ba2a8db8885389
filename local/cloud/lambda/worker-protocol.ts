/**
 * The messages between the Lambda host and a function's worker thread. Types only: the worker imports nothing
 * but Node's built-ins, so it runs as one module however it is loaded.
 */

/** What a worker is started with. */
export interface WorkerSetup {
  /** The virtual clock the worker's `Date` follows (see `WorkerClock`). */
  readonly clock: SharedArrayBuffer;
  /** `index.handler`: the module (relative to the task root) and its exported function. */
  readonly handler: string;
  /** The bundle directory (`LAMBDA_TASK_ROOT`). */
  readonly taskRoot: string;
  /** CommonJS source of a function whose code is inline in the template (`ZipFile`). */
  readonly inlineSource: string | undefined;
}

/** The Lambda context fields of one invocation; the worker adds the methods. */
export interface InvocationContextFields {
  readonly awsRequestId: string;
  readonly functionName: string;
  readonly functionVersion: string;
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  /** Virtual epoch milliseconds at which the invocation times out. */
  readonly deadline: number;
}

export interface InvokeMessage {
  readonly id: number;
  /** The event as JSON text. */
  readonly payload: string;
  readonly context: InvocationContextFields;
}

/** AWS's error payload of a failed invocation. */
export interface LambdaErrorPayload {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace?: readonly string[];
}

/** Posted once the module has loaded (or failed to): the environment's init phase is over. */
export interface WorkerLoaded {
  readonly loaded: true;
}

export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly payload: string }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: LambdaErrorPayload;
      /** The module failed to load: the environment is discarded, the next invocation starts cold. */
      readonly initFailed: boolean;
    };
