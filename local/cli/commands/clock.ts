import { parseArgs } from 'node:util';
import { messageOf } from '../../../lambdas/contracts/agentbridge-error.js';
import { parseDuration } from '../../cloud/local-clock.js';
import { argsOf, HELP, positional } from '../cli-args.js';
import { CliUsageError } from '../cli-errors.js';
import type { CliIo } from '../cli-io.js';
import { adminRoutes, endpointOf } from '../endpoint-client.js';

export const CLOCK_USAGE =
  'agentbridge clock advance <duration> [--endpoint url]   (duration: 90s, 15m, 2h, 3d, 1d12h)';

/** Moves the running local cloud's virtual clock on; every deadline it passes fires (callbacks, TTLs, retries). */
export async function clockCommand(args: readonly string[], io: CliIo): Promise<void> {
  const { values, positionals } = argsOf(CLOCK_USAGE, () =>
    parseArgs({
      args: [...args],
      options: { endpoint: { type: 'string' }, ...HELP },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    io.out(`usage: ${CLOCK_USAGE}`);
    return;
  }
  if (positional(positionals, 0, 'advance', CLOCK_USAGE) !== 'advance') {
    throw new CliUsageError(`unknown clock command "${positionals[0]}"\nusage: ${CLOCK_USAGE}`);
  }
  const duration = positional(positionals, 1, 'duration', CLOCK_USAGE);
  try {
    parseDuration(duration);
  } catch (error) {
    throw new CliUsageError(messageOf(error));
  }
  const now = await adminRoutes.advance(endpointOf(values.endpoint, io), duration);
  io.out(`the local cloud's clock is now ${new Date(now).toISOString()}`);
}
