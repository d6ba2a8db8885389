import type { JournalEntry } from '../cloud/local-cloud-ports.js';
import { CliCommandError, CliUsageError } from './cli-errors.js';
import type { CliIo } from './cli-io.js';

/** The local cloud endpoint a command talks to: `--endpoint`, else `AWS_ENDPOINT_URL`. */
export function endpointOf(flag: string | undefined, io: CliIo): string {
  const url = flag ?? io.env.AWS_ENDPOINT_URL;
  if (url === undefined || url === '') {
    throw new CliUsageError(
      'no endpoint: pass --endpoint http://127.0.0.1:<port> or set AWS_ENDPOINT_URL (agentbridge dev prints it)',
    );
  }
  if (!/^https?:\/\/[^/]+/.test(url)) throw new CliUsageError(`not an endpoint URL: ${url}`);
  return url.replace(/\/+$/, '');
}

/** The SDK client configuration for the local cloud: its endpoint, a region, placeholder credentials. */
export function clientConfig(endpoint: string, io: CliIo) {
  return {
    endpoint,
    region: io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? 'us-east-1',
    credentials: {
      accessKeyId: io.env.AWS_ACCESS_KEY_ID ?? 'local',
      secretAccessKey: io.env.AWS_SECRET_ACCESS_KEY ?? 'local',
    },
  };
}

async function admin(endpoint: string, path: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${endpoint}/_agentbridge/${path}`, init);
  } catch (cause) {
    throw new CliCommandError(`no local cloud answers at ${endpoint} (is agentbridge dev --serve running?)`, {
      cause,
    });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new CliCommandError(`${endpoint} answered ${response.status} with a body that is not JSON`, {
      cause,
    });
  }
  if (!response.ok) {
    const { __type, message } = body as { __type?: string; message?: string };
    throw new CliCommandError(`${endpoint} answered ${response.status} ${__type ?? ''}: ${message ?? text}`);
  }
  return body;
}

/** A queue of the running deployment, as `GET /_agentbridge/deployment` lists it. */
export interface DeployedQueue {
  readonly name: string;
  readonly url: string;
  readonly arn: string;
  readonly deadLetterQueueOf: readonly string[];
}

/** The local cloud's admin routes, as the CLI calls them. */
export const adminRoutes = {
  journal: async (endpoint: string, contains: string): Promise<JournalEntry[]> =>
    (await admin(endpoint, `journal?contains=${encodeURIComponent(contains)}`)) as JournalEntry[],
  queues: async (endpoint: string): Promise<DeployedQueue[]> =>
    ((await admin(endpoint, 'deployment')) as { queues?: DeployedQueue[] }).queues ?? [],
  advance: async (endpoint: string, duration: string): Promise<number> =>
    (
      (await admin(endpoint, 'clock/advance', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ duration }),
      })) as { now: number }
    ).now,
};
