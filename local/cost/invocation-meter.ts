import type { HandlerSpec } from '../../lambdas/runtime/agent-definition.js';
import type { HostedFunction } from '../order-system/hosted-function.js';
import type { CapacityMeter } from './capacity-meter.js';

/** One invocation of an agent function: which function, which message, what it answered. */
export interface Invocation {
  readonly agentType: string;
  readonly messageType: string;
  readonly messageId: string;
  readonly correlationId: string;
  readonly result: unknown;
  readonly stateful: boolean;
}

/**
 * Counts the invocations of each agent function of a local run: every handler call is one Lambda invocation
 * of the function hosting that agent type on AWS (a task, a send or an event delivery, redeliveries
 * included), and runs within the capacity meter's attribution to that function.
 *
 * @example
 * ```ts
 * const invocations = new InvocationMeter(meter);
 * await startLocalOrderSystem({ decorateFunction: (fn) => invocations.wrap(fn) });
 * ```
 */
export class InvocationMeter {
  readonly invocations: Invocation[] = [];
  readonly #capacity: CapacityMeter;

  constructor(capacity: CapacityMeter) {
    this.#capacity = capacity;
  }

  reset(): void {
    this.invocations.length = 0;
  }

  wrap(fn: HostedFunction): HostedFunction {
    const { definition, agentType } = fn;
    const stateful = definition.initialState !== undefined;
    const routes = new Map<string, readonly HandlerSpec<undefined>[]>();
    for (const [name, specs] of definition.routes) {
      routes.set(
        name,
        specs.map((spec) => ({
          ...spec,
          handle: async (message, ctx) => {
            const result = await this.#capacity.within(agentType, ctx.correlationId, () =>
              spec.handle(message, ctx),
            );
            this.invocations.push({
              agentType,
              messageType: spec.type.name,
              messageId: ctx.messageId,
              correlationId: ctx.correlationId,
              result,
              stateful,
            });
            return result;
          },
        })),
      );
    }
    return { ...fn, definition: { ...definition, routes } };
  }
}
