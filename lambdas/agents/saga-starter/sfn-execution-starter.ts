import { type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { ExecutionStarter, ExecutionStartRequest } from './execution-starter-port.js';
import {
  ExecutionAlreadyStartedError,
  ExecutionStartRejectedError,
  ExecutionStartUnavailableError,
} from './saga-starter-error.js';

export interface SfnExecutionStarterOptions {
  readonly client: SFNClient;
  readonly stateMachineArn: string;
}

/** Client-side errors of StartExecution that a later attempt can still get past. */
const RETRYABLE_CLIENT_ERRORS = new Set(['ThrottlingException', 'ExecutionLimitExceeded']);

/**
 * {@link ExecutionStarter} on AWS Step Functions through an injected `SFNClient`. IAM: `states:StartExecution`
 * on the one state machine.
 *
 * @example
 * ```ts
 * const starter = new SfnExecutionStarter({ client: new SFNClient({}), stateMachineArn });
 * await starter.start({ name: 'order-42', input: orderRequested });
 * ```
 */
export class SfnExecutionStarter implements ExecutionStarter {
  readonly #client: SFNClient;
  readonly #stateMachineArn: string;

  constructor(options: SfnExecutionStarterOptions) {
    this.#client = options.client;
    this.#stateMachineArn = options.stateMachineArn;
  }

  async start(request: ExecutionStartRequest): Promise<{ executionArn: string }> {
    let executionArn: string | undefined;
    try {
      ({ executionArn } = await this.#client.send(
        new StartExecutionCommand({
          stateMachineArn: this.#stateMachineArn,
          name: request.name,
          input: JSON.stringify(request.input ?? {}),
        }),
      ));
    } catch (error) {
      throw translate(request.name, error);
    }
    if (executionArn === undefined) {
      throw new ExecutionStartUnavailableError(request.name, {
        cause: new Error('StartExecution answered without an executionArn'),
      });
    }
    return { executionArn };
  }
}

/**
 * The service's verdict on the request itself (a client fault: no such state machine, access denied, invalid
 * name or input) cannot change on a retry; throttling, server faults and network trouble can.
 */
function translate(name: string, error: unknown): Error {
  const fields =
    error instanceof Error ? (error as Error & { $fault?: unknown; $retryable?: unknown }) : undefined;
  if (fields?.name === 'ExecutionAlreadyExists')
    return new ExecutionAlreadyStartedError(name, { cause: error });
  const rejected =
    fields !== undefined &&
    fields.$fault === 'client' &&
    fields.$retryable === undefined &&
    !RETRYABLE_CLIENT_ERRORS.has(fields.name);
  if (rejected) return new ExecutionStartRejectedError(name, fields.name, { cause: error });
  return new ExecutionStartUnavailableError(name, { cause: error });
}
