import {
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import type { TaskCallbackPort } from './task-callback-port.js';
import { toTaskCallbackError } from './to-task-callback-error.js';

/** SendTaskFailure limits: error ≤ 256 characters, cause ≤ 32,768. */
const MAX_ERROR = 256;
const MAX_CAUSE = 32_768;

/**
 * {@link TaskCallbackPort} on AWS Step Functions through an injected `SFNClient`. IAM: states:SendTaskSuccess,
 * states:SendTaskFailure, states:SendTaskHeartbeat (resource `*`: the token is the authorisation).
 *
 * @example
 * ```ts
 * const callbacks = new SfnTaskCallbacks(new SFNClient({}));
 * ```
 */
export class SfnTaskCallbacks implements TaskCallbackPort {
  readonly #client: SFNClient;

  constructor(client: SFNClient) {
    this.#client = client;
  }

  async succeed(taskToken: string, output: unknown): Promise<void> {
    try {
      await this.#client.send(
        new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output ?? null) }),
      );
    } catch (error) {
      throw toTaskCallbackError('succeed', error);
    }
  }

  async fail(taskToken: string, error: string, cause: string): Promise<void> {
    try {
      await this.#client.send(
        new SendTaskFailureCommand({
          taskToken,
          error: error.slice(0, MAX_ERROR),
          cause: cause.slice(0, MAX_CAUSE),
        }),
      );
    } catch (failure) {
      throw toTaskCallbackError('fail', failure);
    }
  }

  async heartbeat(taskToken: string): Promise<void> {
    try {
      await this.#client.send(new SendTaskHeartbeatCommand({ taskToken }));
    } catch (error) {
      throw toTaskCallbackError('heartbeat', error);
    }
  }
}
