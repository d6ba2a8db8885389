import { CliUsageError, reportOf } from './cli-errors.js';
import type { CliIo } from './cli-io.js';
import { clockCommand } from './commands/clock.js';
import { dlqCommand } from './commands/dlq.js';
import { publishCommand } from './commands/publish.js';
import { traceCommand } from './commands/trace.js';

type Command = (args: readonly string[], io: CliIo) => Promise<void>;

/** The CLI's commands; `dev` is added by the entry point that can start a local cloud. */
export type CliCommands = Readonly<Record<string, { readonly run: Command; readonly summary: string }>>;

export const REMOTE_COMMANDS: CliCommands = {
  publish: {
    run: publishCommand,
    summary: 'publish <detail-type> <json>  validate against its schema, then PutEvents',
  },
  trace: {
    run: traceCommand,
    summary: 'trace <orderId|correlationId> [--html file]  what happened, in order',
  },
  dlq: { run: dlqCommand, summary: 'dlq list | show <queue> | redrive <queue>  the dead-letter queues' },
  clock: { run: clockCommand, summary: 'clock advance <duration>  move the virtual clock on (3d, 90m)' },
};

const usage = (commands: CliCommands): string[] => [
  'usage: agentbridge <command> [options]   (agentbridge <command> --help for one)',
  ...Object.values(commands).map(({ summary }) => `  ${summary}`),
  'The commands but dev talk to a running local cloud: --endpoint <url> or AWS_ENDPOINT_URL.',
];

/**
 * Runs one command line and resolves with its exit code: 0 done, 1 the command failed, 2 the command line is
 * wrong. A failure prints one line on stderr.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), processIo, { ...REMOTE_COMMANDS, dev });
 * ```
 */
export async function runCli(
  args: readonly string[],
  io: CliIo,
  commands: CliCommands = REMOTE_COMMANDS,
): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    for (const line of usage(commands)) io.out(line);
    return name === undefined ? 2 : 0;
  }
  try {
    const command = commands[name];
    if (command === undefined)
      throw new CliUsageError(`unknown command "${name}" (agentbridge --help lists them)`);
    await command.run(rest, io);
    return 0;
  } catch (error) {
    const { exitCode, line } = reportOf(error);
    io.err(line);
    return exitCode;
  }
}
