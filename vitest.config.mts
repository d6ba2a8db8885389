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

/** The infra test that records what the adapters send to DynamoDB Local: it needs the system's setup. */
const ON_DYNAMODB_LOCAL = 'test/infra/table-actions-match-adapters.test.ts';

/**
 * Two projects. `infra` (template assertions on synthesized stacks) runs its files in shared workers
 * (`isolate: false`): each would otherwise import aws-cdk-lib afresh, which was most of its time (infra files
 * keep no global state between them: every test builds its own App). `system` is everything else, each file
 * isolated, with the global setup (the synthesized apps the local cloud loads, DynamoDB Local).
 */
export default defineConfig({
  resolve: { alias: selfReference },
  test: {
    setupFiles: ['test/setup/polyfills.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          exclude: [ON_DYNAMODB_LOCAL],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'system',
          include: ['test/{unit,integration,e2e}/**/*.test.ts', ON_DYNAMODB_LOCAL],
          globalSetup: ['test/setup/cdk-out.ts', 'test/setup/dynamodb-local.ts'],
        },
      },
    ],
  },
});
