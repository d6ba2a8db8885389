import type { LocalFunction } from '../local-deployment.js';

/** The runtime name Lambda puts in `AWS_EXECUTION_ENV`, e.g. `AWS_Lambda_nodejs22.x`. */
const executionEnv = (runtime: string): string => `AWS_Lambda_${runtime}`;

/**
 * The process environment of one execution environment of `fn`: its own variables, then what Lambda sets
 * (name, memory, version, region, runtime, task root, handler, log names, credentials) and
 * `AWS_ENDPOINT_URL`, which points every SDK client of the bundle back at the local cloud; `extra` last (e.g.
 * `AWS_ENDPOINT_URL_DYNAMODB` when DynamoDB Local is reached directly).
 */
export function functionEnvironment(
  fn: LocalFunction,
  endpointUrl: string,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const region = fn.arn.split(':')[3] || 'us-east-1';
  const taskRoot = fn.code.kind === 'inline' ? process.cwd() : fn.code.dir;
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    ...fn.environment,
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.name}`,
    AWS_LAMBDA_LOG_STREAM_NAME: `local/[$LATEST]${fn.name}`,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_EXECUTION_ENV: executionEnv(fn.runtime),
    LAMBDA_TASK_ROOT: taskRoot,
    LAMBDA_RUNTIME_DIR: taskRoot,
    _HANDLER: fn.handler,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL: endpointUrl,
    ...extra,
  };
}
