import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/** An error as it crosses the wire in a send response: enough to branch on, nothing more. */
export interface WireError {
  readonly name: string;
  readonly code: string;
  readonly message: string;
}

/**
 * The recipient's handler threw, and the error came back in the send response. `name`, `code` and `message`
 * are the remote error's own, so callers branch exactly as they would in process
 * (`error.code === 'OUT_OF_STOCK'`); `instanceof RemoteAgentError` tells that it came over the wire.
 */
export class RemoteAgentError extends AgentbridgeError {
  /** The remote error's own name. */
  override readonly name: string;
  readonly recipient: string;

  constructor(recipient: string, remote: WireError) {
    super(remote.code, remote.message);
    this.name = remote.name;
    this.recipient = recipient;
  }
}

/**
 * Lambda reported a `FunctionError`: the recipient's function failed outside the handler's control (an
 * unhandled or transient error, a timeout, out of memory). `errorType`/`errorMessage` are Lambda's.
 */
export class RemoteFunctionError extends AgentbridgeError {
  override readonly name = 'RemoteFunctionError';
  readonly functionName: string;
  readonly functionError: string;
  readonly errorType: string;
  readonly errorMessage: string;

  constructor(functionName: string, functionError: string, errorType: string, errorMessage: string) {
    // Transient: the recipient threw it, or Lambda failed it, outside its verdict; a later attempt can succeed.
    super(
      'REMOTE_FUNCTION_ERROR',
      `${functionName} failed (${functionError}): ${errorType}: ${errorMessage}`,
      { transient: true },
    );
    this.functionName = functionName;
    this.functionError = functionError;
    this.errorType = errorType;
    this.errorMessage = errorMessage;
  }
}

/** The recipient's function answered with something that is not a send response (a wrong function name). */
export class InvalidRemoteResponseError extends AgentbridgeError {
  override readonly name = 'InvalidRemoteResponseError';
  readonly functionName: string;

  constructor(functionName: string, reason: string, options?: { cause?: unknown }) {
    super('INVALID_REMOTE_RESPONSE', `${functionName} answered a send with ${reason}`, options);
    this.functionName = functionName;
  }
}
