import { runReplayCommand } from './outbox-replay-command.js';

// `npm run outbox:replay`: republishes a stream's version range from the event store (see --help).
process.exitCode = await runReplayCommand(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
