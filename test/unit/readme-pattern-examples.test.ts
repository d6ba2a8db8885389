import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Each pattern's README section shows a file of `examples/patterns/`, line for line, after a marker
 * `<!-- example: examples/patterns/<name>.ts -->`; the file runs as written and prints what
 * `<name>.expected.txt` holds.
 */
const readme = readFileSync('README.md', 'utf8');
const examples = [
  ...readme.matchAll(/<!-- example: (examples\/patterns\/[\w-]+\.ts) -->\s+```ts\n([\s\S]*?)```/g),
].map((match) => ({ file: match[1] ?? '', block: match[2] ?? '' }));

describe('README pattern examples', () => {
  it('are found behind their markers, one per marker', () => {
    expect(examples.length).toBe([...readme.matchAll(/<!-- example: /g)].length);
  });

  for (const { file, block } of examples) {
    describe(file, () => {
      it('is the file, line for line, in at most 15 lines of code', () => {
        expect(block).toBe(readFileSync(file, 'utf8'));
        const code = block.split('\n').filter((line) => line.trim() && !line.startsWith('import '));
        expect(code.length).toBeLessThanOrEqual(15);
      });

      it('runs as written and prints what its .expected.txt holds', () => {
        const expectedFile = file.replace(/\.ts$/, '.expected.txt');
        expect(existsSync(expectedFile)).toBe(true);
        const output = execFileSync(
          process.execPath,
          ['--conditions=agentbridge-source', '--import', 'tsx', file],
          { encoding: 'utf8' },
        );
        expect(output).toBe(readFileSync(expectedFile, 'utf8'));
      });
    });
  }
});
