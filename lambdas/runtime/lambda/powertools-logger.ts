import type { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { Logger } from '../../contracts/logger.js';

/**
 * A Powertools `Logger` behind the library's {@link Logger} port. Powertools wants an object for the extra
 * fields, so an entry without `extra` is logged with none rather than with an `undefined` argument.
 *
 * @example
 * ```ts
 * const logger = powertoolsLogger(new Logger({ serviceName: 'payment' }));
 * const runtime = new AwsRuntime({ eventBridge, lambda, config, stateStore, logger });
 * ```
 */
export function powertoolsLogger(logger: PowertoolsLogger): Logger {
  return {
    warn: (message, extra) => logger.warn(message, extra ?? {}),
    error: (message, extra) => logger.error(message, extra ?? {}),
  };
}
