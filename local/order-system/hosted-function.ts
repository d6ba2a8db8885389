import type { AgentDeclaration } from '../../lambdas/runtime/agent-declaration.js';
import type { AgentDefinition } from '../../lambdas/runtime/agent-definition.js';
import type { AgentSpec } from '../../lambdas/runtime/agent-spec.js';

/**
 * One agent function of the order system as the local wiring hosts it: its declaration's spec (the agent
 * type, one Lambda function per type on AWS, and its subscriptions, its EventBridge rules there) with the
 * routed definition built once, shared by the in-process runtime and the function's Lambda adapter.
 */
export interface HostedFunction extends AgentSpec {
  readonly definition: AgentDefinition<undefined>;
}

/**
 * The function hosting a declared agent, its definition built from `deps` as its handler builds it on AWS.
 *
 * @example
 * ```ts
 * const orders = hostedFunction(ORDERS_AGENT, { tasks: system.orders });
 * ```
 */
export const hostedFunction = <Deps>(
  declaration: AgentDeclaration<Deps, undefined>,
  deps: NoInfer<Deps>,
): HostedFunction => {
  const { define, ...spec } = declaration;
  return { ...spec, definition: define(deps) };
};

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
