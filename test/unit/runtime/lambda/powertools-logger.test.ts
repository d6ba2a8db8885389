import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it, vi } from 'vitest';
import { powertoolsLogger } from '../../../../lambdas/runtime/lambda/powertools-logger.js';

describe('powertoolsLogger', () => {
  const powertools = (): Logger => new Logger({ serviceName: 'logger-test', logLevel: 'SILENT' });

  it('hands the structured fields of an entry to Powertools as its extra object', () => {
    const logger = powertools();
    const warn = vi.spyOn(logger, 'warn');
    const error = vi.spyOn(logger, 'error');
    const port = powertoolsLogger(logger);
    port.warn('Retrying', { attempt: 2 });
    port.error('Gave up', { attempt: 3 });
    expect(warn).toHaveBeenCalledWith('Retrying', { attempt: 2 });
    expect(error).toHaveBeenCalledWith('Gave up', { attempt: 3 });
  });

  it('logs an entry without fields with an empty object rather than an undefined argument', () => {
    const logger = powertools();
    const warn = vi.spyOn(logger, 'warn');
    const error = vi.spyOn(logger, 'error');
    const port = powertoolsLogger(logger);
    port.warn('Slow start');
    port.error('Lost');
    expect(warn).toHaveBeenCalledWith('Slow start', {});
    expect(error).toHaveBeenCalledWith('Lost', {});
  });
});
