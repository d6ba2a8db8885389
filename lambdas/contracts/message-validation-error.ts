import type * as z from 'zod';
import { ContractError } from './contract-error.js';

/** The first findings of a schema, one line: `path: message; …` (`(root)` for the value itself). */
export const summarizeIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');

/** Input did not satisfy a message schema. Never retried: the same input fails the same way. */
export class MessageValidationError extends ContractError {
  override readonly name = 'MessageValidationError';
  readonly messageType: string;
  readonly issues: readonly z.core.$ZodIssue[];

  constructor(messageType: string, error: z.ZodError) {
    super('MESSAGE_VALIDATION', `Invalid ${messageType}: ${summarizeIssues(error)}`, { cause: error });
    this.messageType = messageType;
    this.issues = error.issues;
  }
}
