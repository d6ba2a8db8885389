import { LocalCloudError } from '../local-cloud-error.js';

/** Base of every error the local order system wiring raises; `code` is stable so callers branch on it. */
export class LocalOrderSystemError extends LocalCloudError {}

export const isLocalOrderSystemError = (error: unknown): error is LocalOrderSystemError =>
  error instanceof LocalOrderSystemError;

/**
 * A `lambda:invoke` task named a function the local system does not host, or addressed an agent type that
 * function does not run (on AWS: ResourceNotFound, or the handler's UnknownAgentTypeError). A definition bug.
 */
export class UnroutableTaskError extends LocalOrderSystemError {
  readonly functionName: string;
  readonly recipient: string;

  constructor(functionName: string, recipient: string, reason: string) {
    super('UNROUTABLE_TASK', `Task for ${recipient} via ${functionName}: ${reason}`);
    this.functionName = functionName;
    this.recipient = recipient;
  }
}

export const isUnroutableTaskError = (error: unknown): error is UnroutableTaskError =>
  error instanceof UnroutableTaskError;

/** An `events:putEvents` entry whose detail is not an agentbridge envelope of a known message type. */
export class UnpublishableEntryError extends LocalOrderSystemError {
  readonly detailType: string;

  constructor(detailType: string, reason: string, options?: { cause?: unknown }) {
    super('UNPUBLISHABLE_ENTRY', `Cannot publish ${detailType}: ${reason}`, options);
    this.detailType = detailType;
  }
}

export const isUnpublishableEntryError = (error: unknown): error is UnpublishableEntryError =>
  error instanceof UnpublishableEntryError;
