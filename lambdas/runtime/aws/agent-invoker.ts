import { InvokeCommand, type InvokeCommandOutput, type LambdaClient } from '@aws-sdk/client-lambda';
import { raceSignal } from '../abort.js';
import { CantHandleError, MessageCancelledError } from '../runtime-error.js';
import { type ClientSource, clientOf } from './client-source.js';
import { InvalidRemoteResponseError, RemoteAgentError, RemoteFunctionError } from './remote-agent-error.js';
import type { SendRequest } from './send-request.js';
import { SendResponseSchema } from './send-response.js';
import { SendTimeoutError } from './send-timeout-error.js';

const decoder = new TextDecoder();

function parseJson(functionName: string, payload: Uint8Array | undefined): unknown {
  const text = payload === undefined ? '' : decoder.decode(payload);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidRemoteResponseError(functionName, `non-JSON payload "${text.slice(0, 80)}"`, {
      cause: error,
    });
  }
}

/**
 * `send` over Lambda: a RequestResponse Invoke of the function hosting the recipient's type, raced against the
 * caller's AbortSignal and the send timeout. The answer is the handler's result, or its error rebuilt with the
 * remote name/code/message (`CANT_HANDLE` as a real {@link CantHandleError}, so callers check it the same way
 * in both runtimes).
 *
 * @example
 * ```ts
 * const reply = await invoker.invoke('payment-fn', request, caller.signal, 30_000);
 * ```
 */
export class AgentInvoker {
  readonly #client: () => LambdaClient;

  /** `client` may be a factory: the client is then built by the first `invoke`, not at cold start. */
  constructor(client: ClientSource<LambdaClient>) {
    this.#client = clientOf(client);
  }

  async invoke(
    functionName: string,
    request: SendRequest,
    signal: AbortSignal,
    timeoutMs: number,
  ): Promise<unknown> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = AbortSignal.any([signal, timeout]);
    const command = new InvokeCommand({
      FunctionName: functionName,
      InvocationType: 'RequestResponse',
      Payload: JSON.stringify(request),
    });
    let output: InvokeCommandOutput;
    try {
      output = await raceSignal(this.#client().send(command, { abortSignal: combined }), combined);
    } catch (error) {
      if (signal.aborted) throw new MessageCancelledError(request.metadata.type, { cause: signal.reason });
      if (timeout.aborted) {
        throw new SendTimeoutError(request.recipient, request.metadata.type, timeoutMs, { cause: error });
      }
      throw error;
    }
    if (output.FunctionError !== undefined) {
      const failure = parseJson(functionName, output.Payload) as {
        errorType?: unknown;
        errorMessage?: unknown;
      };
      const errorType = typeof failure?.errorType === 'string' ? failure.errorType : output.FunctionError;
      const errorMessage = typeof failure?.errorMessage === 'string' ? failure.errorMessage : '';
      throw new RemoteFunctionError(functionName, output.FunctionError, errorType, errorMessage);
    }
    const response = SendResponseSchema.safeParse(parseJson(functionName, output.Payload));
    if (!response.success) {
      throw new InvalidRemoteResponseError(functionName, 'a payload that is not a send response', {
        cause: response.error,
      });
    }
    if (response.data.ok) return response.data.result;
    const remote = response.data.error;
    if (remote.code === 'CANT_HANDLE') throw new CantHandleError(remote.message);
    throw new RemoteAgentError(request.recipient, remote);
  }
}
