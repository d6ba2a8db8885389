import { InvalidDemoArgumentError, TargetNotAvailableError } from './demo-error.js';
import { InProcessTarget, type InProcessTargetOptions } from './in-process-target.js';
import type { OrderSystemTarget } from './order-system-target.js';

/**
 * What `npm start -- --target <name>` can run against. Only `in-process` is implemented; `local-cloud`
 * (DynamoDB Local, a local EventBridge and Step Functions, the Lambda bundles of cdk.out) comes with the
 * local cloud issue and will implement {@link OrderSystemTarget} over the AWS APIs.
 */
export const DEMO_TARGETS = {
  'in-process': 'the runtime, in-memory stores and both state machines in this process (default)',
  'local-cloud': 'the synthesized template on the local cloud (not in this build yet)',
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
      throw new TargetNotAvailableError(
        name,
        'the local cloud is not in this build yet; use --target in-process',
      );
  }
}
