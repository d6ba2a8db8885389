import { fileURLToPath } from 'node:url';

/** The repository root (where package.json and package-lock.json live), resolved from this file. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * An absolute path to a file of the repository, for NodejsFunction entries and ASL definitions.
 *
 * @example
 * ```ts
 * projectPath('statemachines/order-saga.asl.json');
 * ```
 */
export const projectPath = (relative: string): string =>
  fileURLToPath(new URL(`../../${relative}`, import.meta.url));
