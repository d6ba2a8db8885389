import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TableDefinition } from '../../contracts/table-definition.js';
import { EmfMetricSink } from '../../patterns/metrics/metric-sinks.js';
import type { MetricsCollector } from '../../patterns/metrics/metrics-collector.js';
import type { AlarmState, MetricsDeclaration } from '../../patterns/metrics/metrics-declaration.js';
import { requiredEnv } from '../aws/required-env.js';

/** What a collector function is built from at module scope. */
export interface MetricsCollectorWiring {
  readonly documentClient: DynamoDBDocumentClient;
  readonly tableName: (table: TableDefinition) => string;
  /** The sink that makes the samples CloudWatch metrics: EMF under the declaration's namespace and service. */
  readonly emf: EmfMetricSink;
  readonly logger: Logger;
}

/**
 * The module-scope wiring of a metrics collector's function: a DynamoDB document client for its sources
 * (endpoint from `AWS_ENDPOINT_URL_DYNAMODB`, as everywhere), its tables' names from the environment the
 * construct sets, and the EMF sink through Powertools Metrics whose service name is the collector, so every
 * sample carries the `service` dimension its alarms watch.
 *
 * @example
 * ```ts
 * const wiring = metricsCollectorWiring(DESK_HEALTH);
 * const collector = new MetricsCollector({ declaration: DESK_HEALTH, sources, sinks: [wiring.emf] });
 * export const handler = metricsCollectorHandler(collector, wiring.logger);
 * ```
 */
export function metricsCollectorWiring(
  declaration: MetricsDeclaration,
  env: NodeJS.ProcessEnv = process.env,
): MetricsCollectorWiring {
  const logger = new Logger({ serviceName: declaration.collector });
  const metrics = new Metrics({
    namespace: declaration.namespace,
    serviceName: declaration.collector,
    logger,
  });
  return {
    documentClient: DynamoDBDocumentClient.from(new DynamoDBClient({})),
    tableName: (table) => requiredEnv(env, table.envVar),
    emf: new EmfMetricSink(declaration, metrics),
    logger,
  };
}

/** What one scheduled collection answers (and logs when something failed or a rule changed state). */
export interface CollectionSummary {
  readonly at: string;
  readonly samples: number;
  readonly attempts: number;
  readonly alerts: Readonly<Record<string, AlarmState>>;
  readonly error?: string;
}

/**
 * The collector's Lambda handler: each scheduled invocation is one collection. Sources that still fail after
 * the collector's retries are logged, not thrown: a rethrow would make Lambda invoke again and emit the
 * samples already written a second time, while the next tick reads those sources anyway. The alert states
 * it logs are this container's view; the CloudWatch alarms on the EMF metrics are the ones that page.
 */
export function metricsCollectorHandler(
  collector: MetricsCollector,
  logger: Pick<Logger, 'warn' | 'info'>,
): (event: unknown) => Promise<CollectionSummary> {
  return async () => {
    const report = await collector.collect();
    const alerts = Object.fromEntries(
      Object.entries(report.alerts).map(([rule, evaluation]) => [rule, evaluation.state]),
    );
    for (const transition of report.transitions) {
      logger.info(`alert ${transition.rule.name}: ${transition.from} → ${transition.state}`, {
        reason: transition.reason,
      });
    }
    if (report.error !== undefined) {
      logger.warn(report.error.message, { code: report.error.code, attempts: report.attempts });
    }
    return {
      at: new Date(report.at).toISOString(),
      samples: report.samples.length,
      attempts: report.attempts,
      alerts,
      ...(report.error === undefined ? {} : { error: report.error.message }),
    };
  };
}
