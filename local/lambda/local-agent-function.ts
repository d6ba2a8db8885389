import type { Logger } from '../../lambdas/contracts/logger.js';
import { sourceFor } from '../../lambdas/contracts/sources.js';
import type { AgentDefinition } from '../../lambdas/runtime/agent-definition.js';
import type { AgentId } from '../../lambdas/runtime/agent-id.js';
import { AwsRuntime } from '../../lambdas/runtime/aws/aws-runtime.js';
import { agentHandler } from '../../lambdas/runtime/lambda/agent-handler.js';
import { InMemoryDeadLetterSink } from '../../lambdas/runtime/lambda/dead-letter/in-memory-dead-letter-sink.js';
import { InMemoryPersistenceLayer } from '../../lambdas/runtime/lambda/in-memory-persistence-layer.js';
import { fakeLambdaContext } from './fake-lambda-context.js';
import { type LocalAwsRoutes, localAwsClients } from './local-aws-clients.js';
import { quietPowertools } from './quiet-powertools.js';

/** A function's timeout: what the order system deploys its agent functions with. */
const FUNCTION_TIMEOUT_MS = 30_000;

export interface LocalAgentFunctionOptions {
  readonly agentType: string;
  readonly definition: AgentDefinition<unknown>;
  readonly logger?: Logger;
  /** Called with each agent instance the function builds for an invocation (tests count deliveries with it). */
  readonly onAgentCreated?: (id: AgentId) => void;
  /**
   * Where the handler's publishes and sends go (the local bus, the other local functions); without it every
   * AWS call is refused with `OfflineAwsCallError`.
   */
  readonly routes?: LocalAwsRoutes;
  /** Agent type → function name, for `send` (AGENTBRIDGE_AGENT_FUNCTIONS on AWS). */
  readonly agentFunctions?: ReadonlyMap<string, string>;
}

/** An agent function as deployed, run in this process: invoke it with a payload as Lambda would. */
export interface LocalAgentFunction {
  readonly agentType: string;
  readonly functionName: string;
  /** Runs the deployed handler on `payload`; resolves with its answer or rejects with its error. */
  invoke(payload: unknown): Promise<unknown>;
  /** What the handler rejected as bad input (on AWS: the function's dead-letter queue). */
  readonly deadLetters: InMemoryDeadLetterSink;
}

/**
 * The Lambda adapter of an agent function (`agentHandler`: parse, validate, Powertools idempotency, dispatch)
 * wired with offline dependencies, so local runs deliver Step Functions tasks exactly as the deployed function
 * does: in-memory idempotency records and dead letters, silent Powertools, a Lambda context per invocation.
 * The agent types it hosts must be stateless (the order system's are): no agent state table offline.
 *
 * @example
 * ```ts
 * const fn = localAgentFunction({ agentType: 'payment', definition: paymentAgent(payments) });
 * await fn.invoke({ agentbridge: 'task', messageType: 'RefundPayment', recipient: 'payment/o-1', data });
 * ```
 */
export function localAgentFunction(options: LocalAgentFunctionOptions): LocalAgentFunction {
  const { agentType } = options;
  const functionName = `agentbridge-${agentType}`;
  const runtime = new AwsRuntime({
    ...localAwsClients(agentType, options.routes),
    config: {
      eventBusName: 'agentbridge-local',
      source: sourceFor(agentType),
      agentFunctions: options.agentFunctions ?? new Map(),
      sendTimeoutMs: FUNCTION_TIMEOUT_MS,
    },
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.onAgentCreated === undefined ? {} : { onAgentCreated: options.onAgentCreated }),
  });
  const deadLetters = new InMemoryDeadLetterSink();
  const handler = agentHandler({
    agentType,
    definition: options.definition,
    deps: {
      runtime,
      ...quietPowertools(agentType),
      idempotency: new InMemoryPersistenceLayer(),
      deadLetters,
    },
  });
  return {
    agentType,
    functionName,
    deadLetters,
    invoke: (payload) => handler(payload, fakeLambdaContext(functionName, FUNCTION_TIMEOUT_MS)),
  };
}
