import type * as z from 'zod';
import { ContractError } from './contract-error.js';

/** Input did not satisfy a message schema. Never retried: the same input fails the same way. */
export class MessageValidationError extends ContractError {
  readonly messageType: string;
  readonly issues: readonly z.core.$ZodIssue[];

  constructor(messageType: string, error: z.ZodError) {
    const summary = error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    super('MESSAGE_VALIDATION', `Invalid ${messageType}: ${summary}`, { cause: error });
    this.messageType = messageType;
    this.issues = error.issues;
  }
}

export const isMessageValidationError = (error: unknown): error is MessageValidationError =>
  error instanceof MessageValidationError;
