import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../../local/cli/cli-io.js';
import { type DevCloud, devCommand } from '../../../../local/cli/commands/dev.js';
import { runCli } from '../../../../local/cli/run-cli.js';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import { InMemoryJournal } from '../../../../local/cloud/local-journal.js';
import { deploymentOf } from '../states/states-fixture.js';

/** `dev` over a started cloud stand-in; `stopAfter` plays the user's Ctrl-C once the cloud has journalled. */
async function dev(args: string[]) {
  const clock = new LocalClock({ start: Date.UTC(2026, 0, 1) });
  const journal = new InMemoryJournal(clock);
  const started: { cdkOutDir: string; port?: number }[] = [];
  let closed = 0;
  let interrupt: () => void = () => undefined;
  const cloud: DevCloud = {
    endpointUrl: 'http://127.0.0.1:4599',
    dynamoDbEndpoint: 'http://127.0.0.1:8111',
    deployment: deploymentOf([{ name: 'saga', definition: {} }]),
    journal,
    close: async () => {
      closed += 1;
    },
  };
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => {
      out.push(line);
      if (line.startsWith('Serving')) {
        journal.record({ service: 'states', action: 'ExecutionStarted', resource: 'saga', payload: '{}' });
        interrupt();
      }
    },
    err: (line) => err.push(line),
    env: {},
    interrupted: () => new Promise((resolve) => (interrupt = resolve)),
  };
  const commands = {
    dev: {
      run: devCommand(async (options) => {
        started.push(options);
        return cloud;
      }),
      summary: 'dev',
    },
  };
  const code = await runCli(['dev', ...args], io, commands);
  return { code, out, err, started, closed: () => closed };
}

describe('agentbridge dev', () => {
  const cdkOut = mkdtempSync(join(tmpdir(), 'agentbridge-cdk-out-'));

  it('starts the cloud of the cdk.out, prints its endpoint and environment, and stops without --serve', async () => {
    const run = await dev(['--cdk-out', cdkOut, '--port', '4599']);
    expect(run.code).toBe(0);
    expect(run.started).toEqual([{ cdkOutDir: cdkOut, port: 4599 }]);
    expect(run.out[0]).toMatch(/^local cloud ready in \d+\.\d s at http:\/\/127\.0\.0\.1:4599$/);
    expect(run.out).toContain('  export AWS_ENDPOINT_URL=http://127.0.0.1:4599');
    expect(run.out).toContain('  export AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:8111');
    expect(run.closed()).toBe(1);
  });

  it('with --serve prints a live trace until interrupted, then closes the cloud', async () => {
    const run = await dev(['--cdk-out', cdkOut, '--serve']);
    expect(run.code).toBe(0);
    expect(run.out.at(-1)).toBe(
      '2026-01-01T00:00:00.000Z  states   saga                             ExecutionStarted',
    );
    expect(run.closed()).toBe(1);
  });

  it('says how to make a cdk.out when there is none, and refuses a bad port', async () => {
    const missing = await dev(['--cdk-out', join(cdkOut, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toContain('synthesize the app first (npx cdk synth');
    expect(missing.started).toEqual([]);
    expect((await dev(['--port', 'eighty'])).code).toBe(2);
  });
});
