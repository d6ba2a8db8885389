import type { Logger } from '../../../lambdas/contracts/logger.js';
import { AwsServiceError } from '../endpoint/aws-service.js';
import type { LocalClock } from '../local-clock.js';
import type { LocalFunction } from '../local-deployment.js';
import { ExecutionEnvironment, type InvocationOutcome } from './execution-environment.js';
import type { WorkerSetup } from './worker-protocol.js';

export interface FunctionPoolOptions {
  readonly clock: LocalClock;
  readonly clockBuffer: SharedArrayBuffer;
  readonly environment: () => Record<string, string>;
  readonly logger: Logger;
  /** Environments run at once at most; invocations beyond wait for one (a host limit, not a throttle). */
  readonly maxEnvironments: number;
}

/** What one invocation returned, and whether it paid a cold start. */
export type PooledOutcome = InvocationOutcome & { readonly coldStart: boolean };

/**
 * The execution environments of one function. Warm environments are reused, as Lambda reuses them (module
 * scope runs once per environment); a new one starts when all are busy. More invocations in flight than the
 * function's reserved concurrency are throttled (`TooManyRequestsException`, 429, transient); beyond the
 * host's own cap they wait for a free environment.
 */
export class FunctionPool {
  readonly #fn: LocalFunction;
  readonly #options: FunctionPoolOptions;
  readonly #idle: ExecutionEnvironment[] = [];
  readonly #all = new Set<ExecutionEnvironment>();
  readonly #waiting: Array<() => void> = [];
  #inFlight = 0;
  #running = 0;

  constructor(fn: LocalFunction, options: FunctionPoolOptions) {
    this.#fn = fn;
    this.#options = options;
  }

  /** Environments still alive (warm or busy). */
  get environments(): number {
    return [...this.#all].filter((environment) => environment.alive).length;
  }

  async invoke(payload: string, requestId: string): Promise<PooledOutcome> {
    const reserved = this.#fn.reservedConcurrency;
    if (reserved !== undefined && this.#inFlight >= reserved) {
      throw new AwsServiceError('TooManyRequestsException', 'Rate Exceeded.', {
        status: 429,
        transient: true,
      });
    }
    this.#inFlight += 1;
    try {
      await this.#slot();
      try {
        return await this.#run(payload, requestId);
      } finally {
        this.#release();
      }
    } finally {
      this.#inFlight -= 1;
    }
  }

  async #run(payload: string, requestId: string): Promise<PooledOutcome> {
    const environment = this.#warm() ?? this.#start();
    const coldStart = !environment.loaded;
    const fn = this.#fn;
    const outcome = await environment.invoke(payload, {
      awsRequestId: requestId,
      functionName: fn.name,
      functionVersion: '$LATEST',
      invokedFunctionArn: fn.arn,
      memoryLimitInMB: String(fn.memoryMb),
      logGroupName: `/aws/lambda/${fn.name}`,
      logStreamName: `local/[$LATEST]${fn.name}`,
    });
    if (environment.alive) this.#idle.push(environment);
    else this.#all.delete(environment);
    return { ...outcome, coldStart };
  }

  /**
   * Starts one environment ahead of any invocation, when none is warm, and waits for its module to load, as
   * provisioned concurrency does: the first invocation then pays no cold start.
   */
  async prewarm(): Promise<void> {
    if (this.#all.size > 0) return;
    const environment = this.#start();
    this.#idle.push(environment);
    await environment.ready();
    if (!environment.alive) {
      this.#all.delete(environment);
      this.#idle.splice(this.#idle.indexOf(environment), 1);
    }
  }

  /** A warm environment, dropping those whose runtime died while idle (a timer threw after a response). */
  #warm(): ExecutionEnvironment | undefined {
    for (let environment = this.#idle.pop(); environment !== undefined; environment = this.#idle.pop()) {
      if (environment.alive) return environment;
      this.#all.delete(environment);
    }
    return undefined;
  }

  #start(): ExecutionEnvironment {
    const fn = this.#fn;
    const setup: WorkerSetup = {
      clock: this.#options.clockBuffer,
      handler: fn.handler,
      taskRoot: fn.code.kind === 'inline' ? process.cwd() : fn.code.dir,
      inlineSource: fn.code.kind === 'inline' ? fn.code.source : undefined,
    };
    const environment = new ExecutionEnvironment(
      fn,
      setup,
      this.#options.environment(),
      this.#options.clock,
      this.#options.logger,
    );
    this.#all.add(environment);
    return environment;
  }

  #slot(): Promise<void> {
    if (this.#running < this.#options.maxEnvironments) {
      this.#running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next === undefined) this.#running -= 1;
    else next();
  }

  /** Terminates every environment. */
  async close(): Promise<void> {
    const all = [...this.#all];
    this.#all.clear();
    this.#idle.length = 0;
    await Promise.all(all.map((environment) => environment.terminate()));
  }
}
