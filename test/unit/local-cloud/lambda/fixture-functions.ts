import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { Logger } from '../../../../lambdas/contracts/logger.js';
import { localDeploymentOf, templateStack } from '../../../../local/cloud/load-local-deployment.js';
import type { LocalDeployment } from '../../../../local/cloud/local-deployment.js';

/** The fixture functions (echo, fail, sleep, clock, sdk, crash, inline) and their async configuration. */
export const FIXTURE_DIR = join(import.meta.dirname, '../../../fixtures/local-cloud/functions');

export function fixtureDeployment(): LocalDeployment {
  const template = JSON.parse(readFileSync(join(FIXTURE_DIR, 'template.json'), 'utf8'));
  return localDeploymentOf([templateStack(template, 'Stack', FIXTURE_DIR)], FIXTURE_DIR);
}

/** A logger that keeps every line, so tests stay quiet and can read what functions printed. */
export function recordingLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (message) => lines.push(message), error: (message) => lines.push(message) };
}

export const DAY_ONE = Date.UTC(2026, 0, 1);

/**
 * Waits for `assertion` to pass: a worker's cold start takes a few hundred milliseconds, several seconds on
 * a machine busy with other test runs, so the wait is generous.
 */
export const eventually = (assertion: () => void): Promise<void> =>
  vi.waitFor(assertion, { timeout: 15_000, interval: 5 });
