import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { consoleLogger, type Logger } from '../../../lambdas/contracts/logger.js';
import {
  type AwsRequest,
  type AwsResponse,
  AwsServiceError,
  awsJsonError,
  type LocalAwsService,
} from './aws-service.js';

/** Answers the local cloud's own routes (`/_agentbridge/…`): unsigned JSON for the CLI and tests. */
export type AdminHandler = (request: AwsRequest) => Promise<AwsResponse>;

/** The path prefix of the admin routes; no AWS API uses it. */
export const ADMIN_PATH_PREFIX = '/_agentbridge/';

export interface AwsEndpointOptions {
  readonly services: readonly LocalAwsService[];
  /** A fixed port; 0 or absent lets the OS pick a free one. */
  readonly port?: number;
  readonly host?: string;
  readonly admin?: AdminHandler;
  /** Where a service's unexpected failure is logged; stderr by default. */
  readonly logger?: Logger;
}

export interface AwsEndpoint {
  /** `http://<host>:<port>`: what `AWS_ENDPOINT_URL` is set to. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and drops the SDK's kept-alive connections. */
  close(): Promise<void>;
}

const SIGNING_SCOPE = /Credential=[^/,\s]*\/[^/,\s]*\/[^/,\s]*\/([^/,\s]+)\/aws4_request/;
const ERROR_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** The service of a SigV4 `Authorization` header's credential scope, e.g. `events`. */
export function signingServiceOf(authorization: string | undefined): string | undefined {
  return authorization === undefined ? undefined : SIGNING_SCOPE.exec(authorization)?.[1];
}

/** The request as the services read it: lower-case headers, the body as text, target and signing service. */
export function toAwsRequest(
  method: string,
  rawUrl: string,
  rawHeaders: IncomingMessage['headers'],
  body: string,
): AwsRequest {
  const url = new URL(rawUrl, 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawHeaders)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method,
    path: url.pathname,
    query: url.searchParams,
    headers,
    body,
    target: headers['x-amz-target'],
    signingService: signingServiceOf(headers.authorization),
  };
}

/** The service a request goes to: by `X-Amz-Target` prefix first, then by the SigV4 signing name. */
export function routeOf(
  services: readonly LocalAwsService[],
  request: AwsRequest,
): LocalAwsService | undefined {
  const { target, signingService } = request;
  if (target !== undefined) {
    const byTarget = services.find((service) =>
      service.targetPrefixes.some((prefix) => target.startsWith(prefix)),
    );
    if (byTarget !== undefined) return byTarget;
  }
  if (signingService === undefined) return undefined;
  return services.find((service) => service.signingNames.includes(signingService));
}

const errorContentType = (request: AwsRequest): string => {
  const type = request.headers['content-type'] ?? '';
  return type.startsWith('application/x-amz-json-1.') ? type : ERROR_CONTENT_TYPE;
};

const unroutable = (request: AwsRequest): AwsResponse =>
  awsJsonError(
    errorContentType(request),
    new AwsServiceError(
      'UnknownServiceException',
      `The local cloud serves no API for this request (target ${request.target ?? 'none'}, signing service ${
        request.signingService ?? 'none'
      }, ${request.method} ${request.path})`,
      { status: 400 },
    ),
  );

/**
 * Starts the local cloud's one loopback endpoint (LocalStack's edge port, in spirit): each request is routed
 * to the service whose `X-Amz-Target` prefix or SigV4 signing name it carries, `/_agentbridge/…` to the admin
 * handler. A request no service claims gets a JSON error naming what arrived; a service failing with anything
 * but {@link AwsServiceError} answers 500 `InternalFailure` and is logged — the endpoint itself never fails.
 *
 * @example
 * ```ts
 * const endpoint = await startAwsEndpoint({ services: [events.service] });
 * const client = new EventBridgeClient({ endpoint: endpoint.url, region: 'us-east-1', credentials });
 * ```
 */
export async function startAwsEndpoint(options: AwsEndpointOptions): Promise<AwsEndpoint> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? consoleLogger;

  const answer = async (request: AwsRequest): Promise<AwsResponse> => {
    if (request.path.startsWith(ADMIN_PATH_PREFIX)) {
      if (options.admin !== undefined) return options.admin(request);
      return awsJsonError(
        'application/json',
        new AwsServiceError('ResourceNotFoundException', `No admin route ${request.path}`, { status: 404 }),
      );
    }
    const service = routeOf(options.services, request);
    return service === undefined ? unroutable(request) : service.handle(request);
  };

  const serve = async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request = toAwsRequest(
      incoming.method ?? 'GET',
      incoming.url ?? '/',
      incoming.headers,
      Buffer.concat(chunks).toString('utf8'),
    );
    let response: AwsResponse;
    try {
      response = await answer(request);
    } catch (error) {
      if (error instanceof AwsServiceError) {
        response = awsJsonError(errorContentType(request), error);
      } else {
        logger.error('a local service failed unexpectedly', {
          target: request.target,
          signingService: request.signingService,
          path: request.path,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        response = awsJsonError(
          errorContentType(request),
          new AwsServiceError(
            'InternalFailure',
            'The local service failed unexpectedly (see the local cloud log)',
            {
              status: 500,
            },
          ),
        );
      }
    }
    const body = Buffer.from(response.body, 'utf8');
    outgoing.writeHead(response.status, {
      'x-amzn-requestid': randomUUID(),
      ...response.headers,
      'content-length': String(body.byteLength),
    });
    outgoing.end(body);
  };

  const server = createServer((incoming, outgoing) => {
    serve(incoming, outgoing).catch((error: unknown) => {
      // Only the connection itself can fail here (the client went away): log it, keep serving.
      logger.warn('a request to the local cloud could not be answered', { error: String(error) });
      if (!outgoing.headersSent) outgoing.writeHead(500).end();
      else outgoing.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: options.port ?? 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
