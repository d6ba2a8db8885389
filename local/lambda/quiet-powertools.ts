import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { AGENT_METRICS } from '../../lambdas/contracts/agent-metrics.js';

/**
 * Powertools logger, tracer and metrics that run the same code paths as in Lambda but print nothing: the
 * logger is SILENT, tracing is off (no X-Ray daemon offline) and metrics are disabled
 * (`POWERTOOLS_METRICS_DISABLED`, read once when Metrics is constructed).
 */
export function quietPowertools(serviceName: string): { logger: Logger; tracer: Tracer; metrics: Metrics } {
  const previous = process.env.POWERTOOLS_METRICS_DISABLED;
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  try {
    const logger = new Logger({ serviceName, logLevel: 'SILENT' });
    return {
      logger,
      tracer: new Tracer({ serviceName, enabled: false }),
      metrics: new Metrics({ namespace: AGENT_METRICS.namespace, serviceName, logger }),
    };
  } finally {
    if (previous === undefined) delete process.env.POWERTOOLS_METRICS_DISABLED;
    else process.env.POWERTOOLS_METRICS_DISABLED = previous;
  }
}
