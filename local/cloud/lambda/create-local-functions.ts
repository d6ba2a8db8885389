import { consoleLogger } from '../../../lambdas/contracts/logger.js';
import type { LocalAwsService } from '../endpoint/aws-service.js';
import type { LocalCloudContext, LocalFunctions } from '../local-cloud-ports.js';
import { AsyncInvocations } from './async-invocations.js';
import { FunctionHost, type FunctionHostOptions } from './function-host.js';
import { lambdaApiService } from './lambda-api.js';

export type LocalFunctionsOptions = FunctionHostOptions;

/** The local Lambda service: its API for the endpoint, its port for the other services, and its shutdown. */
export interface LocalFunctionsService {
  readonly service: LocalAwsService;
  readonly functions: LocalFunctions;
  /** The host itself, for tools that read cold starts and request ids (benchmarks, the CLI). */
  readonly host: FunctionHost;
  /**
   * Settles when no asynchronous attempt is running: the composition waits on it after moving the clock,
   * until every retry the move fired (and its destination) has settled.
   */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The deployment's functions, run from their cdk.out bundles in worker threads (see {@link FunctionHost}),
 * invoked synchronously or through Lambda's asynchronous queue (see {@link AsyncInvocations}), and served as
 * Lambda's REST API.
 *
 * @example
 * ```ts
 * const lambda = createLocalFunctions(context, { logger: silentLogger });
 * const { payload, functionError } = await lambda.functions.invoke('order-fn', JSON.stringify(event));
 * await lambda.close();
 * ```
 */
export function createLocalFunctions(
  context: LocalCloudContext,
  options: LocalFunctionsOptions = {},
): LocalFunctionsService {
  const host = new FunctionHost(context, options);
  const queue = new AsyncInvocations(context, host, options.logger ?? consoleLogger);
  const functions: LocalFunctions = {
    invoke: async (functionName, payload) => {
      const { payload: result, functionError } = await host.invoke(functionName, payload);
      return { payload: result, functionError };
    },
    invokeAsync: async (functionName, payload) => {
      queue.accept(functionName, payload);
    },
  };
  return {
    service: lambdaApiService(host, queue),
    functions,
    host,
    idle: () => queue.idle(),
    async close() {
      queue.close();
      await host.close();
    },
  };
}
