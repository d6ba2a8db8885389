#!/usr/bin/env node
/**
 * Fetches AWS's DynamoDB Local jar for the tests and the local cloud, without installing the ~280 Amplify
 * packages that `amplify-dynamodb-simulator` depends on: `npm pack` downloads only its tarball, whose
 * sha512 is checked against the registry integrity recorded below before `tar` extracts `package/emulator/`
 * into the git-ignored `.cache/dynamodb-local/`. Idempotent: does nothing when the jar is already there.
 *
 * Usage: `node scripts/fetch-dynamodb-local.mjs` (or `npm run prepare:dynamodb`).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
/** `npm view amplify-dynamodb-simulator@2.9.30 dist.integrity`, recorded when the version was pinned. */
const INTEGRITY =
  'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, '.cache', 'dynamodb-local');
const jar = join(target, 'DynamoDBLocal.jar');

if (existsSync(jar)) {
  console.log(`DynamoDB Local already present in ${target}`);
  process.exit(0);
}

mkdirSync(dirname(target), { recursive: true });
// Work in a sibling of the target so the final rename is atomic and a half-finished run leaves nothing behind.
const work = mkdtempSync(join(dirname(target), 'dynamodb-local-'));
try {
  execFileSync('npm', ['pack', PACKAGE, '--pack-destination', work, '--silent'], {
    cwd: work,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack ${PACKAGE} produced no tarball`);
  const tarballPath = join(work, tarball);
  const actual = `sha512-${createHash('sha512').update(readFileSync(tarballPath)).digest('base64')}`;
  if (actual !== INTEGRITY) {
    throw new Error(`${PACKAGE} integrity mismatch: expected ${INTEGRITY}, got ${actual}`);
  }
  const extracted = join(work, 'emulator');
  mkdirSync(extracted);
  execFileSync('tar', ['-xzf', tarballPath, '-C', extracted, '--strip-components=2', 'package/emulator'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (!existsSync(join(extracted, 'DynamoDBLocal.jar'))) {
    throw new Error(`${PACKAGE} has no emulator/DynamoDBLocal.jar`);
  }
  rmSync(target, { recursive: true, force: true });
  renameSync(extracted, target);
  console.log(`DynamoDB Local (${PACKAGE}, integrity verified) extracted to ${target}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
