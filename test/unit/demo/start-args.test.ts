import { describe, expect, it } from 'vitest';
import { isDemoError } from '../../../local/demo/demo-error.js';
import { openTarget } from '../../../local/demo/demo-targets.js';
import { parseStartArgs, START_USAGE } from '../../../local/demo/parse-start-args.js';

const failure = async (work: () => unknown): Promise<unknown> => {
  try {
    await work();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('parseStartArgs', () => {
  it('defaults to the in-process target', () => {
    expect(parseStartArgs([])).toEqual({ target: 'in-process', help: false });
  });

  it('reads --target as two words or with =, and --help', () => {
    expect(parseStartArgs(['--target', 'local-cloud']).target).toBe('local-cloud');
    expect(parseStartArgs(['--target=in-process']).target).toBe('in-process');
    expect(parseStartArgs(['-h']).help).toBe(true);
  });

  it('refuses a --target without a name and an unknown argument, with typed errors', async () => {
    const missing = await failure(() => parseStartArgs(['--target']));
    const unknown = await failure(() => parseStartArgs(['--fast']));
    expect(isDemoError(missing) && missing.code).toBe('INVALID_ARGUMENT');
    expect(isDemoError(unknown) && unknown.message).toBe('--fast: unknown argument (try --help)');
  });

  it('lists every target in the usage text', () => {
    expect(START_USAGE).toContain('in-process');
    expect(START_USAGE).toContain('local-cloud');
  });
});

describe('openTarget', () => {
  it('says in one line that the local cloud needs Java when there is none', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const error = await failure(() => openTarget('local-cloud'));
      expect(isDemoError(error) && error.code).toBe('TARGET_NOT_AVAILABLE');
      expect(isDemoError(error) && error.message).toMatch(
        /^target "local-cloud" is not available: .*Java 17[^\n]*$/,
      );
    } finally {
      process.env.PATH = path;
    }
  });

  it('refuses an unknown target, naming the ones there are', async () => {
    const error = await failure(() => openTarget('mainframe'));
    expect(isDemoError(error) && error.message).toContain('one of: in-process, local-cloud');
  });
});
