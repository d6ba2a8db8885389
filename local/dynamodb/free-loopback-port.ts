import { createServer } from 'node:net';

/**
 * Asks the OS for a free TCP port on 127.0.0.1 by binding port 0 and closing it again. Another process can
 * grab the port in between, which is why the DynamoDB Local starter retries on an early exit.
 *
 * @example
 * const port = await freeLoopbackPort(); // e.g. 43817
 */
export const freeLoopbackPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : undefined;
      server.close(() => {
        if (port === undefined) reject(new Error('the OS returned no port for 127.0.0.1:0'));
        else resolve(port);
      });
    });
  });
