import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

type ExportTarget = string | Readonly<Record<string, string>>;
const { exports } = JSON.parse(readFileSync('package.json', 'utf8')) as {
  exports: Readonly<Record<string, ExportTarget>>;
};

/**
 * `agentbridge/…` inside the repository resolves to the entry's source (the `agentbridge-source` condition,
 * which tsc and tsx follow too), so tests never depend on a stale `dist/`. Vite does not resolve a package's
 * own name, hence the aliases, derived from `exports` so the subpaths are spelled once.
 */
const selfReference = Object.entries(exports).flatMap(([subpath, target]) => {
  const source = typeof target === 'string' ? undefined : target['agentbridge-source'];
  if (source === undefined) return [];
  const name = subpath === '.' ? 'agentbridge' : `agentbridge/${subpath.slice(2)}`;
  return [{ find: new RegExp(`^${name}$`), replacement: resolve(source) }];
});

export default defineConfig({
  resolve: { alias: selfReference },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/polyfills.ts'],
    globalSetup: ['test/setup/cdk-out.ts', 'test/setup/dynamodb-local.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
