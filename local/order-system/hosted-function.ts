import type { AgentDefinition } from '../../lambdas/runtime/agent-definition.js';
import type { Subscription } from '../../lambdas/runtime/subscription.js';

/**
 * One agent function of the order system as the local wiring hosts it: the agent type (one Lambda function
 * per type on AWS), its routed definition and its subscriptions (its EventBridge rules on AWS).
 */
export interface HostedFunction {
  readonly agentType: string;
  readonly definition: AgentDefinition<undefined>;
  readonly subscriptions: readonly Subscription[];
}

/**
 * The name the local state machines' `${<Agent>FunctionArn}` placeholders resolve to: a Lambda ARN shaped like
 * the deployed one, so the local invoker can tell which agent function a task addresses.
 *
 * @example
 * ```ts
 * localFunctionArn('payment'); // 'arn:aws:lambda:us-east-1:000000000000:function:agentbridge-payment'
 * ```
 */
export function localFunctionArn(
  agentType: string,
  region = 'us-east-1',
  accountId = '000000000000',
): string {
  return `arn:aws:lambda:${region}:${accountId}:function:agentbridge-${agentType}`;
}
