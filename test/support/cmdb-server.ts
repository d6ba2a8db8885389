import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

const ITEMS = '/cmdb/api/v1/configuration-items:batchGet';
const METRICS = '/metrics/api/v1/query:batch';

interface Item {
  readonly owner: string;
  readonly tier: string;
  readonly dependencies: readonly string[];
}

/**
 * A real HTTP server on loopback standing in for the CMDB and its metrics API: `batchGet` answers the items of
 * the services it knows (a service listed in `locked` as locked for editing), `query:batch` a value per query
 * in order (an error item for a service without metrics); `down` makes both answer 503. Every call is kept.
 */
export async function startCmdb(port = 0) {
  const items = new Map<string, Item>();
  const metrics = new Map<string, number>();
  const locked = new Set<string>();
  const calls: {
    path: string;
    body: { services?: string[]; queries?: { service: string; metric: string }[] };
  }[] = [];
  let down = false;
  const read = async (request: IncomingMessage): Promise<string> => {
    let text = '';
    for await (const chunk of request) text += chunk;
    return text;
  };
  const server = createServer(async (request, response) => {
    const path = request.url ?? '/';
    const body = JSON.parse((await read(request)) || '{}');
    calls.push({ path, body });
    const reply = (status: number, answer: unknown) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    if (down) return reply(503, { error: 'maintenance' });
    if (path === ITEMS) {
      const services: string[] = body.services ?? [];
      return reply(200, {
        items: services
          .filter((service) => items.has(service) && !locked.has(service))
          .map((service) => ({ service, ...items.get(service) })),
        locked: services.filter((service) => locked.has(service)),
      });
    }
    if (path === METRICS) {
      const queries: { service: string; metric: string }[] = body.queries ?? [];
      return reply(200, {
        results: queries.map(({ service, metric }) => {
          const value = metrics.get(`${service}/${metric}`);
          return value === undefined
            ? { error: { code: 'NO_SUCH_SERIES', message: `no ${metric} for ${service}` } }
            : { value };
        }),
      });
    }
    return reply(404, { error: path });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    /** Calls to the configuration-item endpoint and to the metrics endpoint. */
    callsTo: (what: 'items' | 'metrics') =>
      calls.filter((call) => call.path === (what === 'items' ? ITEMS : METRICS)),
    addItem: (service: string, item: Item) => void items.set(service, item),
    addMetric: (service: string, metric: string, value: number) =>
      void metrics.set(`${service}/${metric}`, value),
    lock: (service: string) => void locked.add(service),
    unlock: (service: string) => void locked.delete(service),
    setDown: (value: boolean) => {
      down = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
