import { isLocalStepFunctionsError } from '../../stepfunctions/local-step-functions-error.js';
import { AwsServiceError } from '../endpoint/aws-service.js';

const STATE_MACHINE_ARN = /^arn:[\w-]+:states:[\w-]+:\d{12}:stateMachine:[^:]+$/;
const EXECUTION_ARN = /^arn:[\w-]+:states:[\w-]+:\d{12}:(?:execution:[^:]+:[^:]+|express:[^:]+:[^:]+:[^:]+)$/;

/** A required string member of the request; absent or empty is AWS's `ValidationException`. */
export function required(input: Record<string, unknown>, member: string): string {
  const value = input[member];
  if (typeof value !== 'string' || value === '') {
    throw new AwsServiceError(
      'ValidationException',
      `1 validation error detected: '${member}' must not be null`,
    );
  }
  return value;
}

export function optional(input: Record<string, unknown>, member: string): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    throw new AwsServiceError('ValidationException', `'${member}' must be a string`);
  return value;
}

export function stateMachineArnOf(input: Record<string, unknown>): string {
  const arn = required(input, 'stateMachineArn');
  if (!STATE_MACHINE_ARN.test(arn)) throw new AwsServiceError('InvalidArn', `Invalid Arn: '${arn}'`);
  return arn;
}

export function executionArnOf(input: Record<string, unknown>): string {
  const arn = required(input, 'executionArn');
  if (!EXECUTION_ARN.test(arn)) throw new AwsServiceError('InvalidArn', `Invalid Arn: '${arn}'`);
  return arn;
}

/** The engine's errors carry AWS's code (`ExecutionAlreadyExists`, `TaskTimedOut`, …): answered as AWS does. */
export function asAwsError(error: unknown): unknown {
  if (isLocalStepFunctionsError(error))
    return new AwsServiceError(error.code, error.message, { cause: error });
  return error;
}

/** Runs an operation with the engine's errors turned into the API's. */
export async function answering<T>(operation: () => Promise<T> | T): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw asAwsError(error);
  }
}

/**
 * One page of `items`: `maxResults` (1–1000, default `fallback`) from the offset `nextToken` encodes. A token
 * this service did not issue is `InvalidToken`, as AWS answers.
 */
export function page<T>(
  items: readonly T[],
  input: Record<string, unknown>,
  fallback = 100,
): { readonly items: readonly T[]; readonly nextToken?: string } {
  const max = input.maxResults === undefined || input.maxResults === 0 ? fallback : input.maxResults;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 1000) {
    throw new AwsServiceError('ValidationException', `'maxResults' must be between 0 and 1000`);
  }
  const token = optional(input, 'nextToken');
  const offset = token === undefined ? 0 : offsetOf(token);
  const end = offset + max;
  return {
    items: items.slice(offset, end),
    ...(end < items.length
      ? { nextToken: Buffer.from(JSON.stringify({ offset: end })).toString('base64url') }
      : {}),
  };
}

function offsetOf(token: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown };
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // Not a token of ours: answered below.
  }
  throw new AwsServiceError('InvalidToken', `Invalid Token: '${token}'`);
}
