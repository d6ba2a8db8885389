import { SourceMap, type SourceMapPayload } from 'node:module';

/** A stack frame's position in a bundle: `…/index.mjs:12:3456` (Node prints lines and columns from 1). */
const FRAME_POSITION = /(?:file:\/\/)?[^\s()]*?([^\s/()]+\.m?js):(\d+):(\d+)/g;

/**
 * Rewrites the bundle positions in a stack trace to the original source positions, with the source map the
 * bundle ships next to it (`index.mjs.map`). Functions run without `--enable-source-maps` (it costs tens of
 * milliseconds of every cold start), so their logs carry raw bundle positions; class and function names
 * survive minification (`keepNames`), and this turns the positions back into `file.ts:line:column` off the
 * hot path. Frames of other files, and positions the map does not cover, are left as they are.
 *
 * @example
 * ```ts
 * const map = JSON.parse(readFileSync('cdk.out/asset.abc/index.mjs.map', 'utf8'));
 * resolveStackTrace(loggedStack, map); // '    at charge (../lambdas/agents/payment/payment-tasks.ts:41:13)'
 * ```
 */
export function resolveStackTrace(stack: string, map: SourceMapPayload, bundleFile = 'index.mjs'): string {
  const sourceMap = new SourceMap(map);
  return stack.replace(FRAME_POSITION, (position, file: string, line: string, column: string) => {
    if (file !== bundleFile) return position;
    const entry = sourceMap.findEntry(Number(line) - 1, Number(column) - 1) as {
      originalSource?: string;
      originalLine?: number;
      originalColumn?: number;
    };
    if (entry.originalSource === undefined || entry.originalLine === undefined) return position;
    return `${entry.originalSource}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}`;
  });
}
