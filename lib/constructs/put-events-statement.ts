import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';

/**
 * `events:PutEvents` on the bus for the sources a principal publishes with, and no other: a function or state
 * machine of agentbridge can then never put an event under another component's or a producer's source, which
 * is what every rule pattern trusts.
 *
 * @example
 * ```ts
 * role.addToPrincipalPolicy(putEventsStatement(bus, ['agentbridge.lifecycle']));
 * ```
 */
export function putEventsStatement(eventBus: IEventBus, sources: readonly string[]): PolicyStatement {
  return new PolicyStatement({
    actions: ['events:PutEvents'],
    resources: [eventBus.eventBusArn],
    conditions: { StringEquals: { 'events:source': [...sources] } },
  });
}
