import { messageOf } from '../../lambdas/contracts/agentbridge-error.js';
import { CliUsageError } from './cli-errors.js';

/** Every command's `--help` flag, for its `parseArgs` options. */
export const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * The arguments a command's `parseArgs` call read (strict, positionals allowed); an unknown flag or a flag
 * without its value is a {@link CliUsageError} with the command's usage.
 */
export function argsOf<T>(usage: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new CliUsageError(`${messageOf(error)}\nusage: ${usage}`);
  }
}

/** The positional at `index`, or a usage error naming it. */
export function positional(
  positionals: readonly string[],
  index: number,
  name: string,
  usage: string,
): string {
  const value = positionals[index];
  if (value === undefined) throw new CliUsageError(`missing <${name}>\nusage: ${usage}`);
  return value;
}
