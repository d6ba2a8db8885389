import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { MiddyfiedHandler } from '@middy/core';
import type { Logger } from '../../../lambdas/contracts/logger.js';
import { sourceFor } from '../../../lambdas/contracts/sources.js';
import type { AgentDefinition } from '../../../lambdas/runtime/agent-definition.js';
import type { AgentId } from '../../../lambdas/runtime/agent-id.js';
import type { RegisterOptions } from '../../../lambdas/runtime/agent-runtime.js';
import { AwsRuntime } from '../../../lambdas/runtime/aws/aws-runtime.js';
import type { CompiledEventPattern } from '../../../lambdas/runtime/event-pattern/compiled-event-pattern.js';
import { agentHandler } from '../../../lambdas/runtime/lambda/agent-handler.js';
import { InMemoryDeadLetterSink } from '../../../lambdas/runtime/lambda/dead-letter/in-memory-dead-letter-sink.js';
import { InMemoryPersistenceLayer } from '../../../lambdas/runtime/lambda/in-memory-persistence-layer.js';
import type { AgentStateStore } from '../../../lambdas/stores/agent-state/agent-state-store.js';
import { quietPowertools } from './quiet-powertools.js';

/** What every loopback function shares: the mocked clients, the function map, the state table. */
export interface LoopbackShared {
  readonly eventBridge: EventBridgeClient;
  readonly lambda: LambdaClient;
  readonly agentFunctions: Map<string, string>;
  readonly stateStore: AgentStateStore;
  readonly sendTimeoutMs: number;
  readonly logger: Logger;
  readonly onAgentCreated: (id: AgentId) => void;
}

/** One deployed agent function: its runtime, its middy handler and the rules that target it. */
export interface LoopbackFunction {
  readonly name: string;
  readonly agentType: string;
  readonly runtime: AwsRuntime;
  readonly handler: MiddyfiedHandler<unknown, unknown>;
  /** Rules stay deployed after `removeSubscription`, as on AWS until the next deploy. */
  readonly rules: CompiledEventPattern[];
  readonly deadLetters: InMemoryDeadLetterSink;
}

/** Mocked SDK clients are plain clients whose `send` aws-sdk-client-mock replaces; no request leaves. */
export const loopbackClients = (): { eventBridge: EventBridgeClient; lambda: LambdaClient } => {
  const settings = {
    region: 'us-east-1',
    credentials: { accessKeyId: 'loopback', secretAccessKey: 'loopback' },
  };
  return { eventBridge: new EventBridgeClient(settings), lambda: new LambdaClient(settings) };
};

/** Builds an agent function as its handler file would at module scope, on the loopback's shared pieces. */
export function createLoopbackFunction(
  agentType: string,
  definition: AgentDefinition<unknown>,
  shared: LoopbackShared,
  options: RegisterOptions = {},
): LoopbackFunction {
  const name = `loopback-${agentType}`;
  const runtime = new AwsRuntime({
    eventBridge: shared.eventBridge,
    lambda: shared.lambda,
    config: {
      eventBusName: 'agentbridge-loopback',
      source: sourceFor(agentType),
      agentFunctions: shared.agentFunctions,
      sendTimeoutMs: shared.sendTimeoutMs,
    },
    stateStore: shared.stateStore,
    logger: shared.logger,
    onAgentCreated: shared.onAgentCreated,
  });
  const deadLetters = new InMemoryDeadLetterSink();
  const handler = agentHandler({
    agentType,
    definition,
    ...options,
    deps: { runtime, ...quietPowertools(name), idempotency: new InMemoryPersistenceLayer(), deadLetters },
  });
  return { name, agentType, runtime, handler, rules: [], deadLetters };
}
