import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { JournalEntry } from '../../cloud/local-cloud-ports.js';
import type { LocalDeployment } from '../../cloud/local-deployment.js';
import { argsOf, HELP } from '../cli-args.js';
import { CliCommandError, CliUsageError } from '../cli-errors.js';
import type { CliIo } from '../cli-io.js';
import { traceLine } from './trace.js';

export const DEV_USAGE = 'agentbridge dev [--cdk-out dir] [--serve] [--port n]';

/** What `dev` needs of a started local cloud (`startLocalCloud`'s answer). */
export interface DevCloud {
  readonly endpointUrl: string;
  readonly dynamoDbEndpoint: string;
  readonly deployment: LocalDeployment;
  readonly journal: { listen(listener: (entry: JournalEntry) => void): () => void };
  close(): Promise<void>;
}

/** Starts the local cloud of a cdk.out (`startLocalCloud`). */
export type StartDevCloud = (options: {
  readonly cdkOutDir: string;
  readonly port?: number;
}) => Promise<DevCloud>;

function summary(io: CliIo, cloud: DevCloud, startedMs: number): void {
  const { deployment } = cloud;
  io.out(`local cloud ready in ${(startedMs / 1_000).toFixed(1)} s at ${cloud.endpointUrl}`);
  io.out(
    `  ${deployment.functions.length} functions, ${deployment.rules.length} rules, ${deployment.queues.length} queues, ` +
      `${deployment.stateMachines.length} state machines, ${deployment.tables.length} tables`,
  );
  io.out('Point the SDK and the AWS CLI at it:');
  io.out(`  export AWS_ENDPOINT_URL=${cloud.endpointUrl}`);
  io.out(`  export AWS_ENDPOINT_URL_DYNAMODB=${cloud.dynamoDbEndpoint}`);
  io.out('  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_REGION=us-east-1');
}

/**
 * `agentbridge dev`: starts the local cloud of a synthesized app (`cdk synth` writes cdk.out), prints its
 * endpoint and the environment to use it, and with `--serve` stays up printing a live trace until Ctrl-C;
 * without it, stops again (a check that the app comes up).
 */
export function devCommand(start: StartDevCloud) {
  return async (args: readonly string[], io: CliIo): Promise<void> => {
    const { values } = argsOf(DEV_USAGE, () =>
      parseArgs({
        args: [...args],
        options: {
          'cdk-out': { type: 'string' },
          serve: { type: 'boolean' },
          port: { type: 'string' },
          ...HELP,
        },
        allowPositionals: true,
        strict: true,
      }),
    );
    if (values.help === true) {
      io.out(`usage: ${DEV_USAGE}`);
      io.out('Starts the local cloud of cdk.out (run your `cdk synth` first) and prints its endpoint;');
      io.out('--serve keeps it up with a live trace until Ctrl-C.');
      return;
    }
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65_535)) {
      throw new CliUsageError(`--port must be a port number, not ${values.port}`);
    }
    const cdkOutDir = resolve(values['cdk-out'] ?? 'cdk.out');
    if (!existsSync(cdkOutDir)) {
      throw new CliCommandError(
        `no cloud assembly at ${cdkOutDir}: synthesize the app first (npx cdk synth, or npm run synth here), or pass --cdk-out <dir>`,
      );
    }
    const began = performance.now();
    const cloud = await start({ cdkOutDir, ...(port === undefined ? {} : { port }) });
    try {
      summary(io, cloud, performance.now() - began);
      if (values.serve !== true) return;
      const interrupted = io.interrupted();
      const stop = cloud.journal.listen((entry) => io.out(traceLine(entry)));
      io.out('Serving; live trace below, Ctrl-C to stop.');
      await interrupted;
      stop();
    } finally {
      await cloud.close();
    }
  };
}
