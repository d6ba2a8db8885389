import type { Logger } from '../../../lambdas/contracts/logger.js';
import { AwsRuntime } from '../../../lambdas/runtime/aws/aws-runtime.js';
import type { AgentStateStore } from '../../../lambdas/stores/agent-state/agent-state-store.js';
import { InMemoryAgentStateStore } from '../../../lambdas/stores/agent-state/in-memory/in-memory-agent-state-store.js';
import type { RuntimeHarness } from '../../conformance/runtime-harness.js';
import { LoopbackCloud } from './loopback-cloud.js';
import { type LoopbackShared, loopbackClients } from './loopback-function.js';
import { LoopbackRuntime } from './loopback-runtime.js';

const quiet: Logger = { warn: () => undefined, error: () => undefined };

/** A loopback deployment plus what tests may inspect beyond the conformance harness. */
export interface AwsLoopbackHarness extends RuntimeHarness {
  readonly cloud: LoopbackCloud;
}

/**
 * The AWS runtime under the conformance suite, with EventBridge and Lambda in memory: one AwsRuntime per
 * registered agent type (its "function", behind the real `agentHandler` middy stack), one client AwsRuntime
 * for the test's own send/publish, one agent-state table (in memory unless `stateStore` is given). Handlers
 * learn of cancellation at their deadline, as in Lambda. `idle()` waits for every delivery in flight and fails
 * if any delivery failed for good, so no error is lost in the loopback.
 *
 * @example
 * describeRuntimeConformance('aws runtime (loopback)', createAwsLoopbackHarness);
 */
export async function createAwsLoopbackHarness(
  options: { sendTimeoutMs?: number; stateStore?: AgentStateStore } = {},
): Promise<AwsLoopbackHarness> {
  const clients = loopbackClients();
  const instantiated = new Set<string>();
  const shared: LoopbackShared = {
    ...clients,
    agentFunctions: new Map(),
    stateStore: options.stateStore ?? new InMemoryAgentStateStore(),
    sendTimeoutMs: options.sendTimeoutMs ?? 5_000,
    logger: quiet,
    onAgentCreated: (id) => instantiated.add(id.toString()),
  };
  const cloud = new LoopbackCloud(clients);
  const client = new AwsRuntime({
    ...clients,
    config: {
      eventBusName: 'agentbridge-loopback',
      source: 'loopback.client',
      agentFunctions: shared.agentFunctions,
      sendTimeoutMs: shared.sendTimeoutMs,
    },
    logger: quiet,
  });
  const idle = async (): Promise<void> => {
    await cloud.inFlight.idle();
    if (cloud.failures.length > 0)
      throw new AggregateError(cloud.failures.splice(0), 'Loopback deliveries failed');
  };
  return {
    cloud,
    runtime: new LoopbackRuntime(cloud, shared, client),
    instantiated: async () => [...instantiated].sort(),
    idle,
    cancellation: 'deadline',
    dispose: async () => {
      await cloud.inFlight.idle();
      cloud.dispose();
    },
  };
}
