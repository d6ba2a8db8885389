import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('README example', () => {
  const readme = readFileSync('README.md', 'utf8');
  const block = /## Example \(in-process\)\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1];

  it('is examples/hello.ts, line for line, and at most 25 lines of code', () => {
    expect(block).toBe(readFileSync('examples/hello.ts', 'utf8'));
    const codeLines = (block ?? '').split('\n').filter((line) => line.trim() && !line.startsWith('import '));
    expect(codeLines.length).toBeLessThanOrEqual(25);
  });

  it('runs as written and prints the reply and the published greeting', () => {
    // The condition makes `agentbridge` resolve to the entry's source, as `npm run example` does.
    const output = execFileSync(
      process.execPath,
      ['--conditions=agentbridge-source', '--import', 'tsx', 'examples/hello.ts'],
      { encoding: 'utf8' },
    );
    expect(output).toBe('Hello Ada (#1)\ngreeter/us heard Bob\n');
  });

  it('imports only the package by name in every code block, as a project of your own would', () => {
    const blocks = [...readme.matchAll(/```(?:ts|typescript)\n([\s\S]*?)```/g)].map(
      (match) => match[1] ?? '',
    );
    const specifiers = blocks.flatMap((code) => [...code.matchAll(/from '([^']+)'/g)].map((m) => m[1]));
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((specifier) => specifier?.startsWith('.'))).toEqual([]);
  });
});
