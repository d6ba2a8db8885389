import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleFloor, CLIENT_CLASSES } from './sdk-baseline-bundle.js';

/**
 * The libraries a function may bundle besides the SDK clients, each with the module-scope set-up the
 * handlers give it (imports first, then statements; `clients` holds the SDK clients, `middlewares` the middy
 * stack, `logger` the Powertools logger). Order matters: later set-ups use earlier ones.
 */
const LIBRARY_SETUPS: ReadonlyArray<{ readonly library: string; imports: string; setup: string }> = [
  {
    library: '@aws-lambda-powertools/logger',
    imports:
      "import { Logger } from '@aws-lambda-powertools/logger';\n" +
      "import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';",
    setup:
      "logger = new Logger({ serviceName: 'floor' });\n" +
      'middlewares.push(injectLambdaContext(logger, { resetKeys: true }));',
  },
  {
    library: '@aws-lambda-powertools/tracer',
    imports:
      "import { Tracer } from '@aws-lambda-powertools/tracer';\n" +
      "import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';",
    setup:
      "const tracer = new Tracer({ serviceName: 'floor' });\n" +
      'clients = clients.map((client) => tracer.captureAWSv3Client(client));\n' +
      'middlewares.push(captureLambdaHandler(tracer));',
  },
  {
    library: '@aws-lambda-powertools/metrics',
    imports:
      "import { Metrics } from '@aws-lambda-powertools/metrics';\n" +
      "import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';",
    setup: "middlewares.push(logMetrics(new Metrics({ namespace: 'floor', serviceName: 'floor', logger })));",
  },
  {
    library: '@aws-lambda-powertools/idempotency',
    imports:
      "import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';\n" +
      "import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';\n" +
      "import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';",
    setup:
      'middlewares.push(makeHandlerIdempotent({\n' +
      "  persistenceStore: new DynamoDBPersistenceLayer({ tableName: 'floor', awsSdkV3Client: clients[0] }),\n" +
      '  config: new IdempotencyConfig({ expiresAfterSeconds: 3600 }),\n' +
      '}));',
  },
  {
    library: '@aws-lambda-powertools/batch',
    imports: "import { BatchProcessor, EventType } from '@aws-lambda-powertools/batch';",
    setup: 'export const processor = new BatchProcessor(EventType.DynamoDBStreams);',
  },
  {
    library: '@aws-sdk/lib-dynamodb',
    imports: "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
    setup: 'export const documentClient = DynamoDBDocumentClient.from(clients[0]);',
  },
  {
    library: 'zod',
    imports: "import * as z from 'zod';",
    setup: "export const parsed = z.object({ id: z.string().min(1) }).parse({ id: 'floor' });",
  },
  {
    library: '@middy/core',
    imports: "import middy from '@middy/core';",
    setup:
      'export const handler = middy(async () => undefined);\n' +
      'for (const middleware of middlewares) handler.use(middleware);',
  },
];

/** The libraries of {@link LIBRARY_SETUPS} whose files a function bundles, read from its source map. */
export function librariesOf(assetDir: string): string[] {
  const map = JSON.parse(readFileSync(join(assetDir, 'index.mjs.map'), 'utf8')) as { sources: string[] };
  return LIBRARY_SETUPS.map(({ library }) => library).filter((library) =>
    map.sources.some((source) => source.includes(`node_modules/${library}/`)),
  );
}

/**
 * Bundles the floor a function's own code is compared with: its SDK clients (DynamoDB first, when bundled,
 * for the set-ups that need it) plus the libraries it bundles, each set up as the handlers set it up at
 * module scope, and no code of this project. `ms / libraries floor` is what the project's code adds;
 * `libraries floor / SDK floor` is what the libraries add. Returns the bundle's path.
 *
 * @example
 * ```ts
 * const floor = await librariesBaselineBundle(['@aws-sdk/client-dynamodb'], ['zod'], '/tmp/coldstart');
 * ```
 */
export async function librariesBaselineBundle(
  clients: readonly string[],
  libraries: readonly string[],
  outDir: string,
): Promise<string> {
  const ordered = [...clients].sort(
    (a, b) => Number(b.endsWith('dynamodb')) - Number(a.endsWith('dynamodb')),
  );
  const setups = LIBRARY_SETUPS.filter(({ library }) => libraries.includes(library));
  const dir = join(outDir, `libraries-${ordered.map((c) => c.slice(16)).join('+')}-${setups.length}`);
  mkdirSync(dir, { recursive: true });
  const lines = [
    ...ordered.map((client, i) => `import { ${CLIENT_CLASSES[client]} as C${i} } from '${client}';`),
    ...setups.map(({ imports }) => imports),
    `let clients = [${ordered.map((_, i) => `new C${i}({})`).join(', ')}];`,
    'let logger;',
    'const middlewares = [];',
    ...setups.map(({ setup }) => setup),
    'export { clients };',
  ];
  const entry = join(dir, 'entry.mjs');
  writeFileSync(entry, `${lines.join('\n')}\n`);
  return bundleFloor(entry, join(dir, 'index.mjs'));
}
