import type { ExecutionStarter } from '../../lambdas/agents/saga-starter/execution-starter-port.js';
import type { ParkedSagaQueue } from '../../lambdas/agents/saga-starter/parked-saga-queue-port.js';
import {
  type RedriveReport,
  redriveParkedSagas,
} from '../../lambdas/agents/saga-starter/redrive-parked-sagas.js';
import { ENV } from '../../lambdas/contracts/env-names.js';

/** The parked-saga queue URL when `--queue-url` is not given (the stack's `ParkedSagaQueueUrl` output). */
export const PARKED_SAGA_QUEUE_URL_ENV = 'AGENTBRIDGE_PARKED_SAGA_QUEUE_URL';

export const SAGA_REDRIVE_USAGE = `Usage: npm run saga:redrive -- [--queue-url <url>] [--state-machine-arn <arn>] [--limit <n>]

Starts every parked order saga again at the step it parked at (a refund, a release, OrderFailed or
OrderCompleted that kept failing). Each message of the parked-saga queue becomes the input of a new
order-saga execution named after the order; the message is deleted once Step Functions accepted it.
Run it again at any time: the resumed steps are idempotent per saga id, a saga that fails again parks again.

  --queue-url          the stack output ParkedSagaQueueUrl (default: $${PARKED_SAGA_QUEUE_URL_ENV})
  --state-machine-arn  the stack output OrderSagaStateMachineArn (default: $${ENV.sagaStateMachineArn})
  --limit              at most this many messages (default: all)
  --help               this text

Exit codes: 0 every message read was redriven, 1 some were left in the queue (see the lines), 2 bad arguments.`;

export interface SagaRedriveArgs {
  readonly help: boolean;
  readonly queueUrl: string;
  readonly stateMachineArn: string;
  readonly limit?: number;
}

/** A command line the redrive cannot run with: the message says what to fix. */
export class SagaRedriveArgsError extends Error {
  override readonly name = 'SagaRedriveArgsError';
}

/**
 * Reads the command line (flags win over the environment).
 *
 * @example
 * ```ts
 * parseSagaRedriveArgs(['--queue-url', url, '--limit', '5'], process.env);
 * ```
 */
export function parseSagaRedriveArgs(argv: readonly string[], env: NodeJS.ProcessEnv): SagaRedriveArgs {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i] ?? '';
    if (flag === '--help' || flag === '-h') return { help: true, queueUrl: '', stateMachineArn: '' };
    if (!['--queue-url', '--state-machine-arn', '--limit'].includes(flag)) {
      throw new SagaRedriveArgsError(`unknown argument ${JSON.stringify(flag)} (see --help)`);
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--'))
      throw new SagaRedriveArgsError(`${flag} needs a value`);
    flags.set(flag, value);
    i += 1;
  }
  const queueUrl = flags.get('--queue-url') ?? env[PARKED_SAGA_QUEUE_URL_ENV] ?? '';
  const stateMachineArn = flags.get('--state-machine-arn') ?? env[ENV.sagaStateMachineArn] ?? '';
  if (queueUrl === '')
    throw new SagaRedriveArgsError(`--queue-url or ${PARKED_SAGA_QUEUE_URL_ENV} is required`);
  if (stateMachineArn === '') {
    throw new SagaRedriveArgsError(`--state-machine-arn or ${ENV.sagaStateMachineArn} is required`);
  }
  const limitText = flags.get('--limit');
  if (limitText === undefined) return { help: false, queueUrl, stateMachineArn };
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1)
    throw new SagaRedriveArgsError('--limit must be a whole number ≥ 1');
  return { help: false, queueUrl, stateMachineArn, limit };
}

/** One line per message, then a count; the exit code (0 all redriven, 1 some left in the queue). */
export function formatRedriveReport(report: RedriveReport): { lines: string[]; exitCode: number } {
  const lines = [
    ...report.redriven.map((r) => `redriven     ${r.orderId} at ${r.resumeAt}: ${r.executionArn}`),
    ...report.notStarted.map((r) => `not started  ${r.orderId}: ${r.reason} (left in the queue)`),
    ...report.unreadable.map((r) => `unreadable   ${r.receiptHandle}: ${r.reason} (left in the queue)`),
    `${report.redriven.length} redriven, ${report.notStarted.length + report.unreadable.length} left in the queue`,
  ];
  return { lines, exitCode: report.notStarted.length + report.unreadable.length === 0 ? 0 : 1 };
}

/**
 * The whole command on injected adapters: parse, redrive, report. Returns the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await runSagaRedrive(process.argv.slice(2), process.env, awsAdapters, process.stdout);
 * ```
 */
export async function runSagaRedrive(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  adapters: (args: SagaRedriveArgs) => { queue: ParkedSagaQueue; starter: ExecutionStarter },
  out: { write(text: string): unknown },
): Promise<number> {
  let args: SagaRedriveArgs;
  try {
    args = parseSagaRedriveArgs(argv, env);
  } catch (error) {
    if (!(error instanceof SagaRedriveArgsError)) throw error;
    out.write(`saga:redrive: ${error.message}\n`);
    return 2;
  }
  if (args.help) {
    out.write(`${SAGA_REDRIVE_USAGE}\n`);
    return 0;
  }
  const report = await redriveParkedSagas({
    ...adapters(args),
    ...(args.limit === undefined ? {} : { limit: args.limit }),
  });
  const { lines, exitCode } = formatRedriveReport(report);
  out.write(`${lines.join('\n')}\n`);
  return exitCode;
}
