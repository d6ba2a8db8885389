import { InvalidDemoArgumentError } from './demo-error.js';
import { DEMO_TARGETS } from './demo-targets.js';

export interface StartArgs {
  readonly target: string;
  readonly help: boolean;
}

/** What `npm start -- --help` prints. */
export const START_USAGE = [
  'Usage: npm start [-- --target <name>]',
  '',
  'Runs the reference order system end to end and prints a trace per order and a summary.',
  'Exits 0 when every order ends as the scenario expects, 1 when one does not, 2 on bad arguments.',
  '',
  'Targets:',
  ...Object.entries(DEMO_TARGETS).map(([name, what]) => `  ${name.padEnd(12)} ${what}`),
  '',
  'Colours: on a terminal only; NO_COLOR=1 turns them off, FORCE_COLOR=1 on.',
].join('\n');

/**
 * Reads `--target <name>` / `--target=<name>` and `--help` / `-h`; the target defaults to `in-process`.
 *
 * @example
 * ```ts
 * parseStartArgs(['--target', 'in-process']); // { target: 'in-process', help: false }
 * ```
 */
export function parseStartArgs(argv: readonly string[]): StartArgs {
  let target = 'in-process';
  let help = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg.startsWith('--target=')) target = arg.slice('--target='.length);
    else if (arg === '--target') {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith('-')) {
        throw new InvalidDemoArgumentError('--target', 'needs a target name');
      }
      target = value;
      index++;
    } else throw new InvalidDemoArgumentError(arg, 'unknown argument (try --help)');
  }
  return { target, help };
}
