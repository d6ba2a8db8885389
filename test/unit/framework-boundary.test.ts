import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The framework: what a team building its own agent system gets. */
const FRAMEWORK = [
  'lambdas/runtime',
  'lambdas/patterns',
  'lambdas/contracts',
  'lambdas/stores/agent-state',
  'lambdas/stores/cache',
  'lambdas/stores/event-store',
  'lambdas/stores/items',
  'lambdas/stores/locks',
  'lambdas/stores/task-tokens',
  'lib/constructs',
  'local',
  'src',
];

/** The order system, the reference deployment built on the framework. */
const ORDER_SYSTEM = [
  /^lambdas\/(agents|handlers)\//,
  /^lambdas\/contracts\/(order|users|notification)\//,
  /^lambdas\/contracts\/tables\/(users|inventory|payments|notifications)-table\.ts$/,
  /^lambdas\/contracts\/tables\/all-tables\.ts$/,
  /^lambdas\/contracts\/state-machines\.ts$/,
  /^lambdas\/stores\/(users|inventory|payments|notifications)\//,
  /^statemachines\//,
  /^lib\/(?!constructs\/)/,
  /^local\/(order-system|demo|cost)\//,
];

const isOrderSystem = (path: string): boolean => ORDER_SYSTEM.some((pattern) => pattern.test(path));

function sourceFiles(directory: string): string[] {
  const absolute = join(ROOT, directory);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The repository files a source file imports (relative specifiers only; packages are not the repository). */
function importsOf(path: string): string[] {
  const text = readFileSync(join(ROOT, path), 'utf8');
  return [...text.matchAll(IMPORT)]
    .map((match) => match[1] ?? match[2] ?? '')
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) =>
      relative(ROOT, resolve(dirname(join(ROOT, path)), specifier)).replace(/\.js$/, '.ts'),
    );
}

/** Every import chain from a framework file that ends in the order system, as `a → b → c`. */
function violations(): string[] {
  const found: string[] = [];
  for (const start of FRAMEWORK.flatMap(sourceFiles).filter((path) => !isOrderSystem(path))) {
    const seen = new Set<string>([start]);
    const queue: string[][] = [[start]];
    while (queue.length > 0) {
      const chain = queue.shift() ?? [];
      for (const target of importsOf(chain[chain.length - 1] ?? '')) {
        if (seen.has(target) || !existsSync(join(ROOT, target))) continue;
        seen.add(target);
        if (isOrderSystem(target)) found.push([...chain, target].join(' → '));
        else queue.push([...chain, target]);
      }
    }
  }
  return found;
}

describe('the framework and the order system', () => {
  it('no framework file reaches an order-system module through its imports', () => {
    expect(violations()).toEqual([]);
  });

  it('reads real import graphs: the order stack reaches the order catalog and the framework construct', () => {
    expect(importsOf('lib/agentbridge-stack.ts')).toEqual(
      expect.arrayContaining(['lib/agent-catalog.ts', 'lib/constructs/agent-bridge.ts']),
    );
    expect(isOrderSystem('lib/agent-catalog.ts')).toBe(true);
    expect(isOrderSystem('lib/constructs/agent-bridge.ts')).toBe(false);
  });
});
