/**
 * `npm run bench [prefix]`: runs every `bench/*.bench.ts`, or only the benches whose name starts with
 * the prefix, and prints one JSON line per result: `{"name","value","unit"}`. Benches in one run share
 * the machine's state, so compare ratios within a run, never against fixed times.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import '../local/polyfills.js';
import type { Bench } from './bench.js';

const prefix = process.argv[2] ?? '';
const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();

for (const file of files) {
  const module = (await import(pathToFileURL(join(here, file)).href)) as { benches?: readonly Bench[] };
  for (const bench of module.benches ?? []) {
    if (!bench.name.startsWith(prefix)) continue;
    const value = await bench.run();
    console.log(JSON.stringify({ name: bench.name, value: Number(value.toPrecision(6)), unit: bench.unit }));
  }
}
process.exit(0);
