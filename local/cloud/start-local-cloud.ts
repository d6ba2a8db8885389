import { resolve } from 'node:path';
import { consoleLogger, type Logger } from '../../lambdas/contracts/logger.js';
import { type DynamoDbLocal, startDynamoDbLocal } from '../dynamodb/dynamodb-local-process.js';
import { freeLoopbackPort } from '../dynamodb/free-loopback-port.js';
import { createLocalDynamoDb } from './dynamodb/local-dynamodb.js';
import { startAwsEndpoint } from './endpoint/aws-endpoint.js';
import type { LocalAwsService } from './endpoint/aws-service.js';
import { startEventSourceMappings } from './event-sources/start-event-source-mappings.js';
import { createLocalEvents } from './events/local-events.js';
import { createLocalFunctions } from './lambda/create-local-functions.js';
import { loadLocalDeployment } from './load-local-deployment.js';
import { LocalClock } from './local-clock.js';
import { localCloudAdmin } from './local-cloud-admin.js';
import type {
  LocalCloudContext,
  LocalEvents,
  LocalExecutions,
  LocalFaults,
  LocalFunctions,
  LocalQueues,
} from './local-cloud-ports.js';
import type { LocalDeployment } from './local-deployment.js';
import { InMemoryJournal } from './local-journal.js';
import { formatNotModelled } from './not-modelled.js';
import { createLocalQueues } from './sqs/create-local-queues.js';
import { createLocalExecutions } from './states/create-local-executions.js';

/** The ports one service offers the others, named as the context's accessors. */
interface CloudPorts {
  readonly functions: LocalFunctions;
  readonly queues: LocalQueues;
  readonly events: LocalEvents;
  readonly executions: LocalExecutions;
}

/** A service as the composition holds it: what the endpoint routes to, the ports it offers, how it stops. */
export type BuiltLocalService = Partial<CloudPorts> & {
  readonly service: LocalAwsService;
  /** Resolves once the work the clock started (retries, sweeps, deliveries) has settled. */
  idle?(): Promise<void>;
  close(): Promise<void>;
};

/** What a service is built from besides the context. */
export interface LocalServiceEnvironment {
  readonly dynamoDbEndpoint: string;
  readonly logger: Logger;
  readonly faults: LocalFaults;
}

type ServiceFactory = (
  context: LocalCloudContext,
  environment: LocalServiceEnvironment,
) => Promise<BuiltLocalService> | BuiltLocalService;

/** Every service of the local cloud, one line each, built in this order. */
const SERVICES: readonly ServiceFactory[] = [
  (context, { dynamoDbEndpoint, logger }) =>
    createLocalDynamoDb(context, { endpoint: dynamoDbEndpoint, logger }),
  // Functions reach DynamoDB Local directly (one hop fewer on every store call); the rest through the endpoint.
  (context, { dynamoDbEndpoint, logger }) =>
    createLocalFunctions(context, { logger, environment: { AWS_ENDPOINT_URL_DYNAMODB: dynamoDbEndpoint } }),
  // Built after the tables and functions: a stream mapping may invoke as soon as it starts.
  async (context, { dynamoDbEndpoint, logger }) => {
    const sqs = createLocalQueues(context);
    const mappings = await startEventSourceMappings(context, {
      queues: sqs.registry,
      dynamoDbEndpoint,
      logger,
    });
    return {
      service: sqs.service,
      queues: sqs.queues,
      idle: () => mappings.idle(),
      close: async () => {
        await mappings.close();
        await sqs.close();
      },
    };
  },
  (context) => createLocalExecutions(context),
  (context, { faults }) => createLocalEvents(context, { faults }),
];

export interface StartLocalCloudOptions {
  /** The synthesized app to run (default `cdk.out`). */
  readonly cdkOutDir?: string;
  /** A deployment built by the caller instead, given the endpoint URL its queue URLs should point at. */
  readonly deployment?: (endpointUrl: string) => LocalDeployment;
  /** A running DynamoDB Local; without one, one is started (and stopped by `close`). Needs Java 17. */
  readonly dynamoDbEndpoint?: string;
  /** The endpoint's port; a free loopback port by default. */
  readonly port?: number;
  /** The virtual clock; by default one running with the wall clock, which `advance` moves ahead. */
  readonly clock?: LocalClock;
  readonly logger?: Logger;
}

/** A running local cloud: one endpoint for every AWS API of the deployment. */
export interface LocalCloud {
  /** `http://127.0.0.1:<port>`: set `AWS_ENDPOINT_URL` to it. */
  readonly endpointUrl: string;
  /** DynamoDB Local's own endpoint, for `AWS_ENDPOINT_URL_DYNAMODB` (the endpoint forwards to it too). */
  readonly dynamoDbEndpoint: string;
  readonly clock: LocalClock;
  readonly journal: InMemoryJournal;
  readonly deployment: LocalDeployment;
  /** Faults injected on purpose, switched at run time: `cloud.faults.duplicateDeliveries = true`. */
  readonly faults: LocalFaults;
  /** Moves the clock on and waits until what it fired has settled; resolves with the clock's time. */
  advance(duration: number | string): Promise<number>;
  close(): Promise<void>;
}

const unavailable = (name: string) => (): never => {
  throw new Error(`the local cloud has no ${name} service`);
};

/**
 * Brings a synthesized app up offline behind one loopback endpoint: loads the deployment with queue URLs on
 * that endpoint, starts (or reuses) DynamoDB Local, builds every service on one context (one clock, one
 * journal), serves them and the admin routes, and logs once what the local cloud does not model. Without Java
 * and without `dynamoDbEndpoint` it fails with `JavaMissingError`.
 *
 * @example
 * ```ts
 * const cloud = await startLocalCloud({ cdkOutDir: 'cdk.out' });
 * const dynamodb = new DynamoDBClient({ endpoint: cloud.endpointUrl, region: 'us-east-1', credentials });
 * await cloud.advance('3d');
 * await cloud.close();
 * ```
 */
export async function startLocalCloud(options: StartLocalCloudOptions = {}): Promise<LocalCloud> {
  const logger = options.logger ?? consoleLogger;
  const port = options.port ?? (await freeLoopbackPort());
  const endpointUrl = `http://127.0.0.1:${port}`;
  const startedDynamoDb: Promise<DynamoDbLocal> | undefined =
    options.dynamoDbEndpoint === undefined ? startDynamoDbLocal() : undefined;
  // Its failure (JavaMissingError) is reported where it is awaited, below.
  startedDynamoDb?.catch(() => undefined);
  const built: BuiltLocalService[] = [];
  const stop = async (): Promise<void> => {
    for (const service of built.reverse()) await service.close();
    if (startedDynamoDb !== undefined) await (await startedDynamoDb).stop();
  };
  try {
    const deployment =
      options.deployment?.(endpointUrl) ??
      loadLocalDeployment(resolve(options.cdkOutDir ?? 'cdk.out'), {
        identity: { sqsEndpoint: endpointUrl },
      });
    const clock = options.clock ?? new LocalClock({ running: true });
    const journal = new InMemoryJournal(clock);
    const ports: Partial<CloudPorts> = {};
    const faults: LocalFaults = { duplicateDeliveries: false };
    const context: LocalCloudContext = {
      deployment,
      clock,
      journal,
      endpointUrl: () => endpointUrl,
      functions: () => ports.functions ?? unavailable('Lambda')(),
      queues: () => ports.queues ?? unavailable('SQS')(),
      events: () => ports.events ?? unavailable('EventBridge')(),
      executions: () => ports.executions ?? unavailable('Step Functions')(),
    };
    const dynamoDbEndpoint =
      options.dynamoDbEndpoint ?? (await (startedDynamoDb as Promise<DynamoDbLocal>)).endpoint;
    for (const factory of SERVICES) {
      const service = await factory(context, { dynamoDbEndpoint, logger, faults });
      built.push(service);
      Object.assign(ports, {
        ...(service.functions === undefined ? {} : { functions: service.functions }),
        ...(service.queues === undefined ? {} : { queues: service.queues }),
        ...(service.events === undefined ? {} : { events: service.events }),
        ...(service.executions === undefined ? {} : { executions: service.executions }),
      });
    }
    const advance = async (duration: number | string): Promise<number> => {
      await clock.advance(duration);
      for (const service of built) await service.idle?.();
      return clock.now();
    };
    const endpoint = await startAwsEndpoint({
      services: built.map((service) => service.service),
      port,
      logger,
      admin: localCloudAdmin({ deployment, entries: () => journal.entries(), advance, faults }),
    });
    const notModelled = formatNotModelled(deployment.notModelled);
    if (notModelled.length > 0)
      logger.warn(['Not modelled by the local cloud:', ...notModelled].join('\n  '));
    return {
      endpointUrl,
      dynamoDbEndpoint,
      clock,
      journal,
      deployment,
      faults,
      advance,
      close: async () => {
        await endpoint.close();
        await stop();
      },
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
