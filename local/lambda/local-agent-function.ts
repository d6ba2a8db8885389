import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { sourceFor } from '../../lambdas/contracts/sources.js';
import type { AgentDefinition } from '../../lambdas/runtime/agent-definition.js';
import type { AgentId } from '../../lambdas/runtime/agent-id.js';
import { AwsRuntime } from '../../lambdas/runtime/aws/aws-runtime.js';
import { agentHandler } from '../../lambdas/runtime/lambda/agent-handler.js';
import { InMemoryDeadLetterSink } from '../../lambdas/runtime/lambda/dead-letter/in-memory-dead-letter-sink.js';
import { InMemoryPersistenceLayer } from '../../lambdas/runtime/lambda/in-memory-persistence-layer.js';
import type { RuntimeLogger } from '../../lambdas/runtime/runtime-logger.js';
import { fakeLambdaContext } from './fake-lambda-context.js';
import { OfflineAwsCallError } from './local-lambda-error.js';
import { quietPowertools } from './quiet-powertools.js';

/** A function's timeout: what the order system deploys its agent functions with. */
const FUNCTION_TIMEOUT_MS = 30_000;

export interface LocalAgentFunctionOptions {
  readonly agentType: string;
  readonly definition: AgentDefinition<unknown>;
  readonly logger?: RuntimeLogger;
  /** Called with each agent instance the function builds for an invocation (tests count deliveries with it). */
  readonly onAgentCreated?: (id: AgentId) => void;
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
 * SDK clients that refuse every call with {@link OfflineAwsCallError}: the order system's functions reach the
 * bus and each other through their state machines offline, so a handler that publishes or sends through its
 * context from a task is told so plainly instead of timing out against an AWS endpoint.
 */
function offlineClients(agentType: string): { eventBridge: EventBridgeClient; lambda: LambdaClient } {
  const settings = { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  const eventBridge = new EventBridgeClient(settings);
  const lambda = new LambdaClient(settings);
  const refuse = (service: string) => () => async (): Promise<never> => {
    throw new OfflineAwsCallError(agentType, service);
  };
  const where = { step: 'initialize', name: 'refuseOfflineCall' } as const;
  eventBridge.middlewareStack.add(refuse('EventBridge'), where);
  lambda.middlewareStack.add(refuse('Lambda'), where);
  return { eventBridge, lambda };
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
    ...offlineClients(agentType),
    config: {
      eventBusName: 'agentbridge-local',
      source: sourceFor(agentType),
      agentFunctions: new Map(),
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
