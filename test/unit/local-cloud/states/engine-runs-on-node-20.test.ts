import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the offline Step Functions engine on Node 20', () => {
  it('brings the Promise.withResolvers its engine needs with it, for a host that never loaded the polyfill', () => {
    // A fresh process: vitest's own setup installs the polyfill in this one.
    const probe = [
      "await import('./local/stepfunctions/local-step-functions.ts');",
      'process.stdout.write(typeof Promise.withResolvers);',
    ].join('\n');
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
      encoding: 'utf8',
    });
    expect(output).toBe('function');
  }, 60_000);
});
