import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One answer of the stand-in legacy system: a status, a body (text as is, anything else as JSON), a delay. */
export interface LegacyAnswer {
  readonly status?: number;
  readonly body?: unknown;
  readonly delayMs?: number;
}

/**
 * A real HTTP server on loopback standing in for a legacy system: each path answers from its queue of
 * answers (the last one repeats), so a test scripts it healthy, slow, erroring or malformed; every request
 * received is kept with its parsed body. On `port`, or any free one.
 */
export async function startLegacySystem(port = 0) {
  const answers = new Map<string, LegacyAnswer[]>();
  const received: { path: string; method: string; body: unknown }[] = [];
  const read = async (request: IncomingMessage): Promise<string> => {
    let text = '';
    for await (const chunk of request) text += chunk;
    return text;
  };
  const server = createServer(async (request, response) => {
    const path = request.url ?? '/';
    const text = await read(request);
    received.push({ path, method: request.method ?? '', body: text === '' ? undefined : JSON.parse(text) });
    const queue = answers.get(path) ?? [
      { status: 404, body: { error_code: 'NOT_FOUND', error_message: path } },
    ];
    const answer = (queue.length > 1 ? queue.shift() : queue[0]) ?? {};
    if (answer.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (response.destroyed) return;
    const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
    response.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const listening = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${listening}`,
    received,
    /** The answers `path` gives, in order; the last one repeats. */
    answer(path: string, ...queue: LegacyAnswer[]): void {
      answers.set(path, queue);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
