import { DEFAULT_ORDER_PRODUCERS } from '../contracts/order/order-producers.js';
import {
  type AgentFunctionWiring,
  agentFunctionWiring as frameworkWiring,
} from '../runtime/lambda/agent-function-wiring.js';

/**
 * The order system's function wiring: the framework's, with the order system's default producers (no other
 * account) for a function run without `AGENTBRIDGE_PRODUCERS`, as the local tools and tests run them.
 *
 * @example
 * ```ts
 * const wiring = agentFunctionWiring('payment');
 * ```
 */
export const agentFunctionWiring = (
  agentType: string,
  env: NodeJS.ProcessEnv = process.env,
): AgentFunctionWiring => frameworkWiring(agentType, { env, defaultProducers: DEFAULT_ORDER_PRODUCERS });
