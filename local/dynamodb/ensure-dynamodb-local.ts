import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDbLocalFetchError, JavaMissingError } from './dynamodb-local-error.js';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where `scripts/fetch-dynamodb-local.mjs` extracts the emulator (git-ignored). */
export const DEFAULT_EMULATOR_DIR = join(repositoryRoot, '.cache', 'dynamodb-local');

/** Throws {@link JavaMissingError} when no `java` executable can be run. */
export const assertJavaAvailable = (): void => {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error !== undefined || probe.status !== 0) throw new JavaMissingError({ cause: probe.error });
};

/**
 * Makes sure Java is installed and the DynamoDB Local jar is in the cache, fetching it (pinned version,
 * integrity-checked) on first use. Returns the emulator directory holding `DynamoDBLocal.jar`.
 *
 * @example
 * const emulatorDir = ensureDynamoDbLocal();
 */
export const ensureDynamoDbLocal = (emulatorDir: string = DEFAULT_EMULATOR_DIR): string => {
  assertJavaAvailable();
  if (existsSync(join(emulatorDir, 'DynamoDBLocal.jar'))) return emulatorDir;
  try {
    execFileSync(process.execPath, [join(repositoryRoot, 'scripts', 'fetch-dynamodb-local.mjs')], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } catch (error) {
    throw new DynamoDbLocalFetchError(emulatorDir, 'fetching DynamoDB Local failed (see output above)', {
      cause: error,
    });
  }
  if (!existsSync(join(emulatorDir, 'DynamoDBLocal.jar'))) {
    throw new DynamoDbLocalFetchError(emulatorDir, `DynamoDBLocal.jar is still missing from ${emulatorDir}`);
  }
  return emulatorDir;
};
