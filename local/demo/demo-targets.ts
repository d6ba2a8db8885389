import { isAgentbridgeError } from '../../lambdas/contracts/agentbridge-error.js';
import { InvalidDemoArgumentError, TargetNotAvailableError } from './demo-error.js';
import { InProcessTarget, type InProcessTargetOptions } from './in-process-target.js';
import { startLocalCloudTarget } from './local-cloud-target.js';
import type { OrderSystemTarget } from './order-system-target.js';

/**
 * What `npm start -- --target <name>` can run against: the order system in this process, or the synthesized
 * stack on the local cloud driven through its AWS APIs (needs Java for DynamoDB Local).
 */
export const DEMO_TARGETS = {
  'in-process': 'the runtime, in-memory stores and both state machines in this process (default)',
  'local-cloud': 'the synthesized stack (cdk.out) on the local cloud, through its AWS APIs (needs Java)',
} as const;
export type DemoTargetName = keyof typeof DEMO_TARGETS;

export const isDemoTargetName = (name: string): name is DemoTargetName => Object.hasOwn(DEMO_TARGETS, name);

/**
 * Starts the named target.
 *
 * @example
 * ```ts
 * const target = await openTarget('in-process');
 * ```
 */
export async function openTarget(
  name: string,
  options: InProcessTargetOptions = {},
): Promise<OrderSystemTarget> {
  if (!isDemoTargetName(name)) {
    throw new InvalidDemoArgumentError(
      '--target',
      `unknown target ${JSON.stringify(name)} (one of: ${Object.keys(DEMO_TARGETS).join(', ')})`,
    );
  }
  switch (name) {
    case 'in-process':
      return InProcessTarget.start(options);
    case 'local-cloud':
      try {
        return await startLocalCloudTarget(options.logger === undefined ? {} : { logger: options.logger });
      } catch (error) {
        if (isAgentbridgeError(error, 'JAVA_MISSING')) throw new TargetNotAvailableError(name, error.message);
        throw error;
      }
  }
}
