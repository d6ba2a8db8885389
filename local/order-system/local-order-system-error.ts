import { AgentbridgeError } from '../../lambdas/contracts/agentbridge-error.js';

/**
 * A `lambda:invoke` task named a function the local system does not host, or addressed an agent type that
 * function does not run (on AWS: ResourceNotFound, or the handler's UnknownAgentTypeError). A definition bug.
 */
export class UnroutableTaskError extends AgentbridgeError {
  override readonly name = 'UnroutableTaskError';
  readonly functionName: string;
  readonly recipient: string;

  constructor(functionName: string, recipient: string, reason: string) {
    super('UNROUTABLE_TASK', `Task for ${recipient} via ${functionName}: ${reason}`);
    this.functionName = functionName;
    this.recipient = recipient;
  }
}

/** An `events:putEvents` entry whose detail is not an agentbridge envelope of a known message type. */
export class UnpublishableEntryError extends AgentbridgeError {
  override readonly name = 'UnpublishableEntryError';
  readonly detailType: string;

  constructor(detailType: string, reason: string, options?: { cause?: unknown }) {
    super('UNPUBLISHABLE_ENTRY', `Cannot publish ${detailType}: ${reason}`, options);
    this.detailType = detailType;
  }
}
