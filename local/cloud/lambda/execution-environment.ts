import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../../lambdas/contracts/logger.js';
import type { LocalClock } from '../local-clock.js';
import type { LocalFunction } from '../local-deployment.js';
import type {
  InvocationContextFields,
  LambdaErrorPayload,
  WorkerLoaded,
  WorkerReply,
  WorkerSetup,
} from './worker-protocol.js';
import { functionWorkerUrl } from './worker-source.js';

/** How one invocation in an environment ended. */
export type InvocationOutcome =
  | { readonly ok: true; readonly payload: string }
  | { readonly ok: false; readonly error: LambdaErrorPayload };

interface Pending {
  readonly id: number;
  readonly requestId: string;
  readonly settle: (outcome: InvocationOutcome) => void;
}

const exitError = (requestId: string, reason: string): LambdaErrorPayload => ({
  errorType: 'Runtime.ExitError',
  errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: ${reason}`,
});

/**
 * One execution environment of a function: a worker thread that loaded the bundle once (its cold start) and
 * runs one invocation at a time. It is discarded — and never reused — when an invocation times out (the
 * worker is terminated), its module failed to load, or the worker crashed.
 */
export class ExecutionEnvironment {
  readonly #fn: LocalFunction;
  readonly #clock: LocalClock;
  readonly #worker: Worker;
  #pending: Pending | undefined;
  #next = 0;
  #alive = true;
  #loaded = false;
  #exitCode = 0;
  readonly #ready: Promise<void>;
  #settleReady: () => void = () => undefined;
  /** Invocations this environment has run (the first one was its cold start). */
  invocations = 0;

  constructor(
    fn: LocalFunction,
    setup: WorkerSetup,
    env: Record<string, string>,
    clock: LocalClock,
    logger: Logger,
  ) {
    this.#fn = fn;
    this.#clock = clock;
    this.#ready = new Promise((resolve) => {
      this.#settleReady = resolve;
    });
    this.#worker = new Worker(functionWorkerUrl(), {
      workerData: setup,
      env,
      execArgv: [],
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: fn.memoryMb },
    });
    const forward = (stream: NodeJS.ReadableStream, write: (line: string) => void) =>
      createInterface({ input: stream }).on('line', write);
    forward(this.#worker.stdout, (line) => logger.warn(`[${fn.name}] ${line}`));
    forward(this.#worker.stderr, (line) => logger.error(`[${fn.name}] ${line}`));
    this.#worker.on('message', (message: WorkerReply | WorkerLoaded) => {
      if ('loaded' in message) {
        this.#loaded = true;
        this.#settleReady();
      } else this.#reply(message);
    });
    this.#worker.on('error', (error: Error & { code?: string }) => {
      const pending = this.#end();
      if (pending === undefined) return;
      pending.settle({
        ok: false,
        error:
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? {
                errorType: 'Runtime.OutOfMemory',
                errorMessage: `RequestId: ${pending.requestId} Error: Runtime exited with error: signal: killed`,
              }
            : { errorType: error.name, errorMessage: error.message, trace: (error.stack ?? '').split('\n') },
      });
    });
    this.#worker.on('exit', (code) => {
      this.#exitCode = code;
      this.#settleReady();
      const pending = this.#end();
      pending?.settle({ ok: false, error: exitError(pending.requestId, `exit status ${code}`) });
    });
  }

  get alive(): boolean {
    return this.#alive;
  }

  /** Whether the module has loaded: an invocation now pays no cold start. */
  get loaded(): boolean {
    return this.#loaded;
  }

  /** Settles once the module has loaded or failed to, or the worker is gone. */
  ready(): Promise<void> {
    return this.#ready;
  }

  /**
   * Runs one invocation. The timeout is measured from the end of the init phase (Lambda times a function's
   * init apart from its invocations), so a slow cold start on a busy machine does not eat into the handler's
   * time; it is reached when the local cloud's clock has moved past it and the handler has also run that long
   * on the wall clock (`LocalClock.scheduleRunning`), so moving the clock over days never times out a handler
   * that is merely running.
   */
  async invoke(
    payload: string,
    context: Omit<InvocationContextFields, 'deadline'>,
  ): Promise<InvocationOutcome> {
    if (!this.#loaded) await this.#ready;
    if (!this.#alive) {
      return { ok: false, error: exitError(context.awsRequestId, `exit status ${this.#exitCode}`) };
    }
    const timeoutMs = this.#fn.timeoutSeconds * 1000;
    const id = this.#next++;
    this.invocations += 1;
    return new Promise((resolve) => {
      const cancel = this.#clock.scheduleRunning(() => {
        if (this.#pending?.id !== id) return;
        this.#end();
        void this.#worker.terminate();
        resolve({
          ok: false,
          error: {
            errorType: 'Sandbox.Timedout',
            errorMessage: `RequestId: ${context.awsRequestId} Error: Task timed out after ${this.#fn.timeoutSeconds.toFixed(2)} seconds`,
          },
        });
      }, timeoutMs);
      this.#pending = {
        id,
        requestId: context.awsRequestId,
        settle: (outcome) => {
          cancel();
          resolve(outcome);
        },
      };
      this.#worker.postMessage({
        id,
        payload,
        context: { ...context, deadline: this.#clock.now() + timeoutMs },
      });
    });
  }

  #reply(reply: WorkerReply): void {
    const pending = this.#pending;
    if (pending === undefined || pending.id !== reply.id) return;
    this.#pending = undefined;
    if (reply.ok) {
      pending.settle({ ok: true, payload: reply.payload });
      return;
    }
    if (reply.initFailed) void this.terminate();
    pending.settle({ ok: false, error: reply.error });
  }

  /** Marks the environment gone and hands back the invocation it was running, if any. */
  #end(): Pending | undefined {
    this.#alive = false;
    const pending = this.#pending;
    this.#pending = undefined;
    return pending;
  }

  terminate(): Promise<number> {
    this.#alive = false;
    return this.#worker.terminate();
  }
}
