#!/usr/bin/env node
import { processIo } from '../local/cli/cli-io.js';
import { DEV_USAGE, devCommand } from '../local/cli/commands/dev.js';
import { REMOTE_COMMANDS, runCli } from '../local/cli/run-cli.js';
import { startLocalCloud } from '../local/cloud/start-local-cloud.js';

/** `agentbridge`: the local cloud from the terminal (`agentbridge --help`). */
process.exitCode = await runCli(process.argv.slice(2), processIo, {
  dev: {
    run: devCommand((options) => startLocalCloud(options)),
    summary: `${DEV_USAGE.replace('agentbridge ', '')}  start the local cloud of cdk.out`,
  },
  ...REMOTE_COMMANDS,
});
