import type {
  ExecutionStarter,
  ExecutionStartRequest,
} from '../../../../lambdas/agents/saga-starter/execution-starter-port.js';
import { SAGA_STARTER_AGENT } from '../../../../lambdas/agents/saga-starter/saga-starter-declaration.js';
import { OrderRequested } from '../../../../lambdas/contracts/order/order-messages.js';
import { TOPICS } from '../../../../lambdas/contracts/topics.js';
import { registerAgent } from '../../../../lambdas/runtime/agent-declaration.js';
import { InProcessRuntime } from '../../../../lambdas/runtime/in-process-runtime.js';
import { TopicId } from '../../../../lambdas/runtime/topic-id.js';
import type { AgentStateStore } from '../../../../lambdas/stores/agent-state/agent-state-store.js';
import { InMemoryAgentStateStore } from '../../../../lambdas/stores/agent-state/in-memory/in-memory-agent-state-store.js';

/** A process dying at a point: the delivery fails, and EventBridge/Lambda deliver the event again. */
export class Crash extends Error {
  override readonly name = 'Crash';
}

/** An EXPRESS machine stand-in: names repeat, every start is a new execution. `crash` fails one call. */
export class ExpressStarter implements ExecutionStarter {
  readonly started: ExecutionStartRequest[] = [];
  crash: 'before' | 'after' | undefined;
  failNext: Error | undefined;

  async start(request: ExecutionStartRequest): Promise<{ executionArn: string }> {
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure !== undefined) throw failure;
    const crash = this.crash;
    this.crash = undefined;
    if (crash === 'before') throw new Crash('before StartExecution');
    this.started.push(request);
    if (crash === 'after') throw new Crash('after StartExecution, before its answer');
    return { executionArn: `arn:express:${request.name}:${this.started.length}` };
  }
}

/** The record store with a crash before or after the n-th put (counted from 1). */
export class CrashingRecords implements AgentStateStore {
  readonly inner = new InMemoryAgentStateStore();
  crashAt: { put: number; when: 'before' | 'after' } | undefined;
  #puts = 0;

  get(agentId: string) {
    return this.inner.get(agentId);
  }
  async put(agentId: string, state: unknown, expectedVersion: number): Promise<number> {
    this.#puts += 1;
    const crash = this.crashAt?.put === this.#puts ? this.crashAt.when : undefined;
    if (crash === 'before') throw new Crash(`before write ${this.#puts}`);
    const version = await this.inner.put(agentId, state, expectedVersion);
    if (crash === 'after') throw new Crash(`after write ${this.#puts}`);
    return version;
  }
  list(agentTypes: readonly string[]) {
    return this.inner.list(agentTypes);
  }
  delete(agentId: string) {
    return this.inner.delete(agentId);
  }
}

export const order = {
  orderId: 'o-1',
  userId: 'u-1',
  items: [{ sku: 'A', quantity: 2, unitPrice: 250 }],
  payment: { cardToken: 'tok_ok' },
};

/** The saga starter on the in-process runtime; `deliver` publishes one OrderRequested and waits. */
export async function startSagaStarter() {
  const starter = new ExpressStarter();
  const records = new CrashingRecords();
  const errors: unknown[] = [];
  const warnings: string[] = [];
  let ids = 0;
  const runtime = new InProcessRuntime({
    logger: { warn() {}, error: (_message, extra) => errors.push(extra?.error) },
  });
  await registerAgent(runtime, SAGA_STARTER_AGENT, {
    starter,
    records,
    logger: { warn: (message) => warnings.push(message) },
    newSagaId: () => `saga-${++ids}`,
  });
  const deliver = async (data: typeof order = order, topicType: string = TOPICS.orderRequested) => {
    await runtime.publish(
      OrderRequested,
      OrderRequested.schema.parse(data),
      new TopicId(topicType, data.orderId),
    );
    await runtime.waitUntilIdle();
  };
  return { starter, records, errors, warnings, deliver };
}
