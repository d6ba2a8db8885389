import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDbLocalStartError } from './dynamodb-local-error.js';
import { ensureDynamoDbLocal } from './ensure-dynamodb-local.js';
import { freeLoopbackPort } from './free-loopback-port.js';
import { localDynamoDbClient } from './local-dynamodb-client.js';

export interface DynamoDbLocalOptions {
  /** Directory with `DynamoDBLocal.jar`; defaults to the git-ignored cache, fetched on first use. */
  readonly emulatorDir?: string;
  /** A fixed port; by default a free loopback port is picked (and re-picked if it was taken meanwhile). */
  readonly port?: number;
  /** How long to wait for ListTables to answer; the jar is usually ready in ~4 s. */
  readonly startTimeoutMs?: number;
}

export interface DynamoDbLocal {
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  readonly port: number;
  /** Id of the Java process this instance started; `stop` signals exactly this process. */
  readonly pid: number;
  stop(): Promise<void>;
}

const OUTPUT_TAIL_CHARS = 4_000;
const START_ATTEMPTS = 3;

/**
 * Starts AWS's DynamoDB Local in memory on a loopback port and resolves once it answers ListTables.
 * The jar has no bind-address option, so it listens on all interfaces; only the loopback endpoint is used.
 *
 * @example
 * const dynamodb = await startDynamoDbLocal();
 * try { await createTables(localDynamoDbClient(dynamodb.endpoint), ALL_TABLES); } finally { await dynamodb.stop(); }
 */
export const startDynamoDbLocal = async (options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> => {
  const emulatorDir = ensureDynamoDbLocal(options.emulatorDir);
  const attempts = options.port === undefined ? START_ATTEMPTS : 1;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const port = options.port ?? (await freeLoopbackPort());
    try {
      return await startOnPort(emulatorDir, port, options.startTimeoutMs ?? 30_000);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
};

const startOnPort = async (emulatorDir: string, port: number, timeoutMs: number): Promise<DynamoDbLocal> => {
  const child = spawn(
    'java',
    [
      // The client JIT alone and the serial collector: the JVM is up in about two thirds of the time, and for
      // the short-lived runs of tests and the local cloud its answers were no slower (measured side by side).
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      `-Djava.library.path=${join(emulatorDir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(emulatorDir, 'DynamoDBLocal.jar'),
      '-inMemory',
      '-sharedDb',
      '-port',
      String(port),
      '-disableTelemetry',
    ],
    { cwd: emulatorDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // The pipes must be drained or a chatty JVM blocks; the tail is kept for the error message.
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const pid = child.pid;
  if (pid === undefined) {
    await once(child, 'error').catch(() => undefined);
    throw new DynamoDbLocalStartError(port, 'could not spawn java for DynamoDB Local', output);
  }
  let exited = child.exitCode !== null;
  child.once('exit', () => {
    exited = true;
  });
  // A test runner that dies without teardown must not leave a JVM behind.
  const killOnExit = (): void => {
    if (!exited) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    await stopChild(child, () => exited);
  };
  const probe = localDynamoDbClient(endpoint, { maxAttempts: 1 });
  const deadline = Date.now() + timeoutMs;
  try {
    while (true) {
      if (exited) {
        throw new DynamoDbLocalStartError(
          port,
          `DynamoDB Local exited (code ${child.exitCode}) before answering`,
          output,
        );
      }
      try {
        await probe.send(new ListTablesCommand({}), { abortSignal: AbortSignal.timeout(1_000) });
        return { endpoint, port, pid, stop };
      } catch (error) {
        if (Date.now() > deadline) {
          throw new DynamoDbLocalStartError(
            port,
            `DynamoDB Local did not answer within ${timeoutMs} ms`,
            output,
            {
              cause: error,
            },
          );
        }
        await sleep(100);
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    probe.destroy();
  }
};

const stopChild = async (child: ChildProcess, hasExited: () => boolean): Promise<void> => {
  if (hasExited()) return;
  const exit = once(child, 'exit');
  child.kill('SIGTERM');
  const stopped = await Promise.race([exit.then(() => true), sleep(5_000).then(() => false)]);
  if (!stopped && !hasExited()) {
    child.kill('SIGKILL');
    await exit;
  }
};
