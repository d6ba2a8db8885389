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
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'examples/hello.ts'], {
      encoding: 'utf8',
    });
    expect(output).toBe('Hello Ada (#1)\ngreeter/us heard Bob\n');
  });
});
