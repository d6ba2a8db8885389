import { AwsRuntimeConfigError } from './aws-runtime-error.js';

/**
 * The value of an environment variable a function cannot run without. Read at module scope, so a function
 * deployed without it fails its cold start with an {@link AwsRuntimeConfigError} naming the variable, rather
 * than its first message. Empty counts as unset: CDK and the local cloud write `''` for a value left out.
 *
 * @example
 * ```ts
 * const stateMachineArn = requiredEnv(process.env, ENV.sagaStateMachineArn);
 * ```
 */
export function requiredEnv(env: NodeJS.ProcessEnv, variable: string): string {
  const value = env[variable];
  if (value === undefined || value === '') throw new AwsRuntimeConfigError(variable, 'is not set');
  return value;
}
