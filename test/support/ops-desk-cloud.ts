import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetFunctionCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENVELOPE_SCHEMA_VERSION } from '../../lambdas/contracts/envelope.js';
import { type Logger, silentLogger } from '../../lambdas/contracts/logger.js';
import type { SendRequest } from '../../lambdas/runtime/aws/send-request.js';
import { ensureSynthesized, type SynthTarget } from '../../local/cdk-out/cdk-out-template.js';
import { type LocalCloud, startLocalCloud } from '../../local/cloud/start-local-cloud.js';
import { journalQuiet } from '../../local/demo/local-cloud-target.js';
import { e2eClients } from './e2e-clients.js';

/** Where the e2e suite's stand-in for the legacy ITSM listens (the synthesized desk calls it there). */
export const LEGACY_ITSM_PORT = 4617;
/** Where the e2e suite's stand-in for the CMDB and its metrics API listens. */
export const CMDB_PORT = 4618;

/**
 * The operations desk as the local cloud runs it: synthesized (bundled, cdk-nag checked) with the scripted
 * assistant model, since no model call leaves this machine. The vitest global setup keeps it fresh.
 */
export const OPS_DESK_LOCAL_SYNTH: SynthTarget = {
  app: 'npx tsx examples/ops-desk/app.ts',
  outDir: 'examples/ops-desk/cdk.out.local',
  stack: 'OpsDesk',
  sources: ['examples/ops-desk', 'lambdas', 'lib', 'src', 'package-lock.json'],
  context: {
    'opsdesk:model': 'scripted',
    'opsdesk:itsmUrl': `http://127.0.0.1:${LEGACY_ITSM_PORT}`,
    'opsdesk:cmdbUrl': `http://127.0.0.1:${CMDB_PORT}`,
  },
  buildPackage: true,
};

/** The function name of an agent type of the desk (the stack's `namePrefix`). */
export const opsDeskFunctionName = (agentType: string): string => `opsdesk-${agentType}`;

/** A `send` of `type` to `agentType/key`, as another agent's runtime invokes the recipient's function. */
export function sendRequestOf(agentType: string, key: string, type: string, data: unknown): SendRequest {
  const id = randomUUID();
  return {
    agentbridge: 'send',
    recipient: `${agentType}/${key}`,
    deadline: Date.now() + 600_000,
    metadata: {
      id,
      type,
      topicType: agentType,
      topicSource: key,
      correlationId: id,
      causationId: id,
      time: new Date().toISOString(),
      schemaVersion: ENVELOPE_SCHEMA_VERSION,
    },
    data,
  };
}

/** What a desk function answers a `send` with: its result, or the handler's error by code. */
export interface SendAnswer<R> {
  readonly ok: boolean;
  readonly result?: R;
  readonly error?: { code: string; message: string };
}

/** The desk deployed somewhere, reached through AWS APIs only. */
export interface OpsDesk {
  /** The endpoint the clients use; undefined for the account of the environment. */
  readonly endpoint: string | undefined;
  readonly clients: ReturnType<typeof e2eClients> & { readonly documentClient: DynamoDBDocumentClient };
  readonly busName: string;
  /** PutEvents of one entry onto the desk's bus; throws with the entry's error when it is refused. */
  publish(detailType: string, detail: unknown, source: string): Promise<void>;
  /** Invokes a desk function synchronously and returns its parsed response (throws on a function error). */
  invoke<T = unknown>(agentType: string, payload: unknown): Promise<T>;
  /** A desk function's environment (its table names, queue URLs), read with GetFunction. */
  environmentOf(agentType: string): Promise<Readonly<Record<string, string>>>;
  /** Polls `read` until `done` holds of its value, or fails after `timeoutMs` naming `what`. */
  eventually<T>(
    what: string,
    read: () => Promise<T>,
    done: (value: T) => boolean,
    timeoutMs?: number,
  ): Promise<T>;
  /** Moves the deployment's clock (the local cloud only). */
  readonly advance: ((duration: string) => Promise<void>) | undefined;
  /** The local cloud itself, for what only it can show (its journal); undefined elsewhere. */
  readonly cloud: LocalCloud | undefined;
  close(): Promise<void>;
}

/**
 * Opens the desk `AGENTBRIDGE_E2E_TARGET` names: `local-cloud` (default) starts its synthesized stack on the
 * local cloud over the run's DynamoDB Local; `deployed` drives a desk deployed with `cdk deploy
 * --outputs-file <file>` (`AGENTBRIDGE_E2E_OUTPUTS`), on LocalStack when `AWS_ENDPOINT_URL` is set, else in
 * the environment's account. `functionOutput` gets what the local cloud logs, the functions' output lines
 * among it (`[<function>] <line>`, as CloudWatch Logs would receive them).
 */
export async function openOpsDesk(
  dynamoDbEndpoint: string,
  options: { readonly functionOutput?: Logger } = {},
): Promise<OpsDesk> {
  const kind = process.env.AGENTBRIDGE_E2E_TARGET ?? 'local-cloud';
  if (kind === 'local-cloud') {
    const cloud = await startLocalCloud({
      cdkOutDir: ensureSynthesized(OPS_DESK_LOCAL_SYNTH),
      dynamoDbEndpoint,
      logger: options.functionOutput ?? silentLogger,
    });
    const busName = cloud.deployment.stacks.find((stack) => stack.stackName === 'OpsDesk')?.outputs
      .EventBusName;
    if (busName === undefined) {
      await cloud.close();
      throw new Error('the synthesized desk has no EventBusName output');
    }
    return deskOver({
      endpoint: cloud.endpointUrl,
      busName,
      cloud,
      advance: async (duration) => void (await cloud.advance(duration)),
      onClose: () => cloud.close(),
    });
  }
  if (kind !== 'deployed') throw new Error(`AGENTBRIDGE_E2E_TARGET is local-cloud or deployed, not ${kind}`);
  const outputsFile = process.env.AGENTBRIDGE_E2E_OUTPUTS;
  if (outputsFile === undefined)
    throw new Error('AGENTBRIDGE_E2E_OUTPUTS names the cdk deploy --outputs-file');
  const outputs = JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, Record<string, string>>;
  const busName = outputs.OpsDesk?.EventBusName;
  if (busName === undefined) throw new Error(`${outputsFile} holds no OpsDesk stack outputs`);
  return deskOver({ endpoint: process.env.AWS_ENDPOINT_URL, busName, cloud: undefined, advance: undefined });
}

interface DeskParts {
  readonly endpoint: string | undefined;
  readonly busName: string;
  readonly cloud: LocalCloud | undefined;
  readonly advance: OpsDesk['advance'];
  readonly onClose?: () => Promise<void>;
}

function deskOver(parts: DeskParts): OpsDesk {
  const base = e2eClients(parts.endpoint);
  const dynamodb = new DynamoDBClient({
    region: process.env.AWS_REGION ?? 'us-east-1',
    ...(parts.endpoint === undefined
      ? {}
      : { endpoint: parts.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  });
  const documentClient = DynamoDBDocumentClient.from(dynamodb);
  const environments = new Map<string, Readonly<Record<string, string>>>();
  return {
    endpoint: parts.endpoint,
    clients: { ...base, documentClient },
    busName: parts.busName,
    cloud: parts.cloud,
    advance: parts.advance,
    async publish(detailType, detail, source) {
      const result = await base.eventBridge.send(
        new PutEventsCommand({
          Entries: [
            {
              EventBusName: parts.busName,
              DetailType: detailType,
              Source: source,
              Detail: JSON.stringify(detail),
            },
          ],
        }),
      );
      const entry = result.Entries?.[0];
      if ((result.FailedEntryCount ?? 0) > 0 || entry?.EventId === undefined) {
        throw new Error(`PutEvents refused ${detailType}: ${entry?.ErrorCode} ${entry?.ErrorMessage}`);
      }
    },
    async invoke(agentType, payload) {
      const result = await base.lambda.send(
        new InvokeCommand({
          FunctionName: opsDeskFunctionName(agentType),
          Payload: new TextEncoder().encode(JSON.stringify(payload)),
        }),
      );
      const text = new TextDecoder().decode(result.Payload ?? new Uint8Array());
      if (result.FunctionError !== undefined) throw new Error(`${agentType} failed: ${text}`);
      return (text === '' ? undefined : JSON.parse(text)) as never;
    },
    async environmentOf(agentType) {
      const known = environments.get(agentType);
      if (known !== undefined) return known;
      const fn = await base.lambda.send(
        new GetFunctionCommand({ FunctionName: opsDeskFunctionName(agentType) }),
      );
      const variables = fn.Configuration?.Environment?.Variables ?? {};
      environments.set(agentType, variables);
      return variables;
    },
    async eventually(what, read, done, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      let last: unknown;
      while (Date.now() < until) {
        const value = await read();
        if (done(value)) return value;
        last = value;
        if (parts.cloud !== undefined) await journalQuiet(parts.cloud.journal, 100);
        else await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
      throw new Error(`${what}: not seen within ${timeoutMs} ms; last read ${JSON.stringify(last)}`);
    },
    async close() {
      base.close();
      dynamodb.destroy();
      await parts.onClose?.();
    },
  };
}
