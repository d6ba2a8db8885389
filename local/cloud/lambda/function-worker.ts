import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { InvokeMessage, LambdaErrorPayload, WorkerReply, WorkerSetup } from './worker-protocol.js';

/*
 * One execution environment of a function, in a worker thread: loads the bundle once (the cold start), then
 * runs the handler for each invocation the host posts. Only Node's built-ins are imported, so the host can
 * start it from source or from the compiled file alike.
 */

type Handler = (
  event: unknown,
  context: object,
  callback?: (error: unknown, result?: unknown) => void,
) => unknown;

class RuntimeError extends Error {
  constructor(
    override readonly name: string,
    message: string,
  ) {
    super(message);
  }
}

/** `Date` follows the host's virtual clock: `[running ? 1 : 0, running ? offset : now]` in shared memory. */
const followVirtualClock = (buffer: SharedArrayBuffer): void => {
  const view = new BigInt64Array(buffer);
  const RealDate = Date;
  const realNow = Date.now;
  const now = (): number => {
    const value = Number(Atomics.load(view, 1));
    return Atomics.load(view, 0) === 1n ? realNow() + value : value;
  };
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) =>
      Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget),
    apply: () => new RealDate(now()).toString(),
    get: (target, key, receiver) => (key === 'now' ? now : Reflect.get(target, key, receiver)),
  });
};

const errorPayload = (error: unknown): LambdaErrorPayload =>
  error instanceof Error
    ? { errorType: error.name, errorMessage: error.message, trace: (error.stack ?? '').split('\n') }
    : { errorType: typeof error, errorMessage: String(error), trace: [] };

const loadHandler = async (setup: WorkerSetup): Promise<Handler> => {
  const cut = setup.handler.lastIndexOf('.');
  const modulePath = setup.handler.slice(0, cut);
  const exportName = setup.handler.slice(cut + 1);
  let exports: Record<string, unknown>;
  if (setup.inlineSource !== undefined) {
    const module = { exports: {} as Record<string, unknown> };
    const require = createRequire(join(setup.taskRoot, 'index.js'));
    new Function('exports', 'require', 'module', setup.inlineSource)(module.exports, require, module);
    exports = module.exports;
  } else {
    const file = ['.mjs', '.js', '.cjs']
      .map((extension) => join(setup.taskRoot, `${modulePath}${extension}`))
      .find((candidate) => existsSync(candidate));
    if (file === undefined || cut <= 0) {
      throw new RuntimeError('Runtime.ImportModuleError', `Error: Cannot find module '${modulePath}'`);
    }
    exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  }
  const fallback = exports.default as Record<string, unknown> | undefined;
  const handler = exports[exportName] ?? fallback?.[exportName];
  if (typeof handler !== 'function') {
    throw new RuntimeError('Runtime.HandlerNotFound', `${setup.handler} is undefined or not exported`);
  }
  return handler as Handler;
};

/** Runs an async handler, or a callback-style one (three parameters) until it calls back. */
const run = (handler: Handler, event: unknown, context: object): Promise<unknown> =>
  handler.length >= 3
    ? new Promise((resolve, reject) => {
        const returned = handler(event, context, (error, result) =>
          error === null || error === undefined ? resolve(result) : reject(error),
        );
        if (returned instanceof Promise) returned.then(resolve, reject);
      })
    : Promise.resolve().then(() => handler(event, context));

const setup = workerData as WorkerSetup;
followVirtualClock(setup.clock);
const loading = loadHandler(setup);
// An init failure is answered per invocation, not thrown here: the host reports it as AWS would.
loading.then(
  () => parentPort?.postMessage({ loaded: true }),
  () => parentPort?.postMessage({ loaded: true }),
);

/** An X-Ray trace header as Lambda passes it: a new root (epoch seconds in hex, 96 random bits), unsampled. */
const traceHeader = (): string => {
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  return `Root=1-${seconds}-${randomBytes(12).toString('hex')};Parent=${randomBytes(8).toString('hex')};Sampled=0`;
};

parentPort?.on('message', async (message: InvokeMessage) => {
  let reply: WorkerReply;
  let handler: Handler;
  try {
    handler = await loading;
  } catch (error) {
    parentPort?.postMessage({ id: message.id, ok: false, error: errorPayload(error), initFailed: true });
    return;
  }
  const { deadline, ...fields } = message.context;
  // Lambda sets the invocation's X-Ray header before the handler runs; unsampled, so a tracer in the bundle
  // records nothing and sends nothing, and does not complain that trace data is missing.
  process.env._X_AMZN_TRACE_ID = traceHeader();
  const context = {
    ...fields,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
  try {
    const result = await run(handler, JSON.parse(message.payload), context);
    reply = { id: message.id, ok: true, payload: JSON.stringify(result) ?? 'null' };
  } catch (error) {
    reply = { id: message.id, ok: false, error: errorPayload(error), initFailed: false };
  }
  parentPort?.postMessage(reply);
});
