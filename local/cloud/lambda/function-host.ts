import { randomUUID } from 'node:crypto';
import { consoleLogger, type Logger } from '../../../lambdas/contracts/logger.js';
import { AwsServiceError } from '../endpoint/aws-service.js';
import type { FunctionResult, LocalCloudContext } from '../local-cloud-ports.js';
import type { LocalFunction } from '../local-deployment.js';
import { DEFAULT_LOCAL_IDENTITY, localArn } from '../local-identity.js';
import { functionEnvironment } from './function-environment.js';
import { FunctionPool } from './function-pool.js';
import { WorkerClock } from './worker-clock.js';

export interface FunctionHostOptions {
  /** Where the functions' console output goes, each line prefixed `[<function>]`; default the console. */
  readonly logger?: Logger;
  /** Environments per function at once (default 4): two cores gain nothing from more threads. */
  readonly maxEnvironmentsPerFunction?: number;
  /** Variables every function gets last, e.g. `AWS_ENDPOINT_URL_DYNAMODB`. */
  readonly environment?: Readonly<Record<string, string>>;
}

/** One invocation's result with the request id it ran under and whether it paid a cold start. */
export interface HostedResult extends FunctionResult {
  readonly requestId: string;
  readonly coldStart: boolean;
}

/**
 * Runs the deployment's functions in worker threads, one pool of execution environments per function, and
 * journals every invocation (`Invoked` with the payload, then `Succeeded` or `Failed` with the result).
 */
export class FunctionHost {
  readonly #context: LocalCloudContext;
  readonly #options: FunctionHostOptions;
  readonly #functions: ReadonlyMap<string, LocalFunction>;
  readonly #pools = new Map<string, FunctionPool>();
  readonly #clock: WorkerClock;

  constructor(context: LocalCloudContext, options: FunctionHostOptions = {}) {
    this.#context = context;
    this.#options = options;
    this.#functions = new Map(context.deployment.functions.map((fn) => [fn.name, fn]));
    this.#clock = new WorkerClock(context.clock);
  }

  /**
   * The function a name, ARN or partial ARN (optionally qualified `:$LATEST`) names; else
   * `ResourceNotFoundException` (404), as Lambda answers.
   */
  find(reference: string): LocalFunction {
    const parts = reference.split(':');
    const at = parts.indexOf('function');
    const name = at >= 0 ? parts[at + 1] : parts[0];
    const qualifier = at >= 0 ? parts[at + 2] : parts[1];
    const fn = name === undefined ? undefined : this.#functions.get(name);
    if (fn !== undefined && (qualifier === undefined || qualifier === '$LATEST')) return fn;
    const identity = this.#context.deployment.stacks[0]?.identity ?? DEFAULT_LOCAL_IDENTITY;
    const arn = fn?.arn ?? localArn(identity, 'lambda', `function:${name ?? reference}`);
    throw new AwsServiceError(
      'ResourceNotFoundException',
      `Function not found: ${qualifier === undefined ? arn : `${arn}:${qualifier}`}`,
      { status: 404 },
    );
  }

  /** How many execution environments of `name` are alive (warm or busy). */
  environments(name: string): number {
    return this.#pools.get(name)?.environments ?? 0;
  }

  get functions(): readonly LocalFunction[] {
    return this.#context.deployment.functions;
  }

  /** Runs `reference` on `payload` (JSON text) and waits for its result. */
  async invoke(reference: string, payload: string, requestId: string = randomUUID()): Promise<HostedResult> {
    const fn = this.find(reference);
    const journal = this.#context.journal;
    journal.record({ service: 'lambda', action: 'Invoked', resource: fn.name, payload, detail: requestId });
    let outcome: Awaited<ReturnType<FunctionPool['invoke']>>;
    try {
      outcome = await this.#pool(fn).invoke(payload, requestId);
    } catch (error) {
      const detail = error instanceof AwsServiceError ? error.awsCode : String(error);
      journal.record({ service: 'lambda', action: 'Throttled', resource: fn.name, payload, detail });
      throw error;
    }
    if (outcome.ok) {
      journal.record({
        service: 'lambda',
        action: 'Succeeded',
        resource: fn.name,
        payload: outcome.payload,
        detail: requestId,
      });
      return { payload: outcome.payload, functionError: undefined, requestId, coldStart: outcome.coldStart };
    }
    const errorPayload = JSON.stringify(outcome.error);
    journal.record({
      service: 'lambda',
      action: 'Failed',
      resource: fn.name,
      payload: errorPayload,
      detail: `${outcome.error.errorType}: ${outcome.error.errorMessage}`,
    });
    return { payload: errorPayload, functionError: 'Unhandled', requestId, coldStart: outcome.coldStart };
  }

  /**
   * Starts one environment of every bundled function and waits until each has loaded its module, so the
   * first invocations pay no cold start (as provisioned concurrency). A module that fails to load is
   * reported by its first invocation, as without prewarming.
   */
  async prewarm(): Promise<void> {
    const bundled = this.functions.filter((fn) => fn.code.kind !== 'unbundled');
    await Promise.all(bundled.map((fn) => this.#pool(fn).prewarm()));
  }

  #pool(fn: LocalFunction): FunctionPool {
    let pool = this.#pools.get(fn.name);
    if (pool === undefined) {
      pool = new FunctionPool(fn, {
        clock: this.#context.clock,
        clockBuffer: this.#clock.buffer,
        environment: () =>
          functionEnvironment(fn, this.#context.endpointUrl(), this.#options.environment ?? {}),
        logger: this.#options.logger ?? consoleLogger,
        maxEnvironments: this.#options.maxEnvironmentsPerFunction ?? 4,
      });
      this.#pools.set(fn.name, pool);
    }
    return pool;
  }

  /** Terminates every execution environment and stops following the clock. */
  async close(): Promise<void> {
    this.#clock.close();
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }
}
