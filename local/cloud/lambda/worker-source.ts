import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

let cached: URL | undefined;

/**
 * Where a function's worker thread starts: the compiled `function-worker.js` next to this module when there
 * is one, else the TypeScript source compiled once per process (Node 20 runs no TypeScript by itself) and
 * handed to the worker as a `data:` module — the worker imports only Node's built-ins, so it needs no path.
 */
export function functionWorkerUrl(): URL {
  if (cached !== undefined) return cached;
  const compiled = new URL('./function-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) {
    cached = compiled;
  } else {
    const source = readFileSync(new URL('./function-worker.ts', import.meta.url), 'utf8');
    const { code } = transformSync(source, { loader: 'ts', format: 'esm', target: 'node20' });
    cached = new URL(`data:text/javascript,${encodeURIComponent(code)}`);
  }
  return cached;
}
