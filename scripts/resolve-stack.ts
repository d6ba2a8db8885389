/**
 * `npx tsx scripts/resolve-stack.ts <index.mjs.map> [stack.txt]`: prints a logged stack trace (from the file,
 * or stdin) with every position in the function's bundle rewritten to its source position. The map is the
 * one `npm run synth` writes next to the bundle (`cdk.out/asset.<hash>/index.mjs.map`), and the one deployed
 * in the function's code.
 */
import { readFileSync } from 'node:fs';
import { resolveStackTrace } from '../local/stack-trace/resolve-stack-trace.js';

const [mapFile, stackFile] = process.argv.slice(2);
if (mapFile === undefined) {
  console.error(
    'usage: resolve-stack.ts <index.mjs.map> [stack.txt]   (the stack is read from stdin if no file)',
  );
  process.exit(2);
}
const stack = readFileSync(stackFile ?? 0, 'utf8');
process.stdout.write(resolveStackTrace(stack, JSON.parse(readFileSync(mapFile, 'utf8'))));
