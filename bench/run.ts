/**
 * `npm run bench [prefix]`: runs every `bench/*.bench.ts`, or only the benches whose name starts with the
 * prefix, and prints one JSON line per result: `{"name","value","unit"}`. Each file runs in a process of its
 * own (`run-file.ts`): a suite that leaves a large heap behind (the order system keeps every execution) would
 * otherwise slow the next suite's allocation-heavy loops by half. The pairs that are compared (a bench and its
 * baseline) live in one file, so they always share a process and a machine state: compare those ratios,
 * never fixed times.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const prefix = process.argv[2] ?? '';
const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();

let failed = false;
for (const file of files) {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(here, 'run-file.ts'), join(here, file), prefix],
    {
      stdio: 'inherit',
    },
  );
  if (child.status !== 0) {
    console.error(`bench: ${file} exited with ${child.status ?? child.signal}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
