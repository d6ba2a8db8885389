import { AgentbridgeError } from '../../lambdas/contracts/agentbridge-error.js';

/** A command line the CLI cannot run: unknown command, missing or malformed argument. Exit code 2. */
export class CliUsageError extends AgentbridgeError {
  override readonly name = 'CliUsageError';
  readonly exitCode = 2;

  constructor(message: string) {
    super('CLI_USAGE', message);
  }
}

/**
 * A command that ran and could not do its work: invalid message, unreachable endpoint, a refused AWS call.
 * Exit code 1.
 */
export class CliCommandError extends AgentbridgeError {
  override readonly name = 'CliCommandError';
  readonly exitCode = 1;

  constructor(message: string, options: { readonly cause?: unknown } = {}) {
    super('CLI_COMMAND_FAILED', message, options);
  }
}

/** The exit code and the one line the CLI prints for an error that ended a command. */
export function reportOf(error: unknown): { readonly exitCode: 1 | 2; readonly line: string } {
  if (error instanceof CliUsageError) return { exitCode: 2, line: `agentbridge: ${error.message}` };
  if (error instanceof CliCommandError) return { exitCode: 1, line: `agentbridge: ${error.message}` };
  if (error instanceof AgentbridgeError)
    return { exitCode: 1, line: `agentbridge: ${error.name}: ${error.message}` };
  const named = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { exitCode: 1, line: `agentbridge: ${named}` };
}
