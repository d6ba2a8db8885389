/**
 * Runs the benches of one `*.bench.ts` file whose names start with a prefix, printing one JSON line each.
 * `run.ts` starts one process per file with it; `node --import tsx bench/run-file.ts bench/cache.bench.ts cache`
 * runs a single file by hand.
 */
import { pathToFileURL } from 'node:url';
import '../local/polyfills.js';
import type { Bench } from './bench.js';

const [file, prefix = ''] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: run-file.ts <file.bench.ts> [prefix]');
  process.exit(2);
}
const module = (await import(pathToFileURL(file).href)) as { benches?: readonly Bench[] };
for (const bench of module.benches ?? []) {
  if (!bench.name.startsWith(prefix)) continue;
  const value = await bench.run();
  const results = typeof value === 'number' ? [{ name: bench.name, value, unit: bench.unit }] : value;
  for (const result of results) {
    console.log(
      JSON.stringify({ name: result.name, value: Number(result.value.toPrecision(6)), unit: result.unit }),
    );
  }
}
process.exit(0);
