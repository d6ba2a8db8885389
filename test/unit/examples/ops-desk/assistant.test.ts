import { AgentId, InProcessRuntime, registerAgent } from 'agentbridge';
import { type ModelClient, ScriptedModelClient } from 'agentbridge/patterns';
import { InMemoryAgentStateStore, InMemoryItemStore } from 'agentbridge/stores';
import { describe, expect, it } from 'vitest';
import { ASSISTANT_AGENT } from '../../../../examples/ops-desk/assistant/agents.js';
import { AskAssistant } from '../../../../examples/ops-desk/assistant/messages.js';
import { ASSISTANT_SCRIPT } from '../../../../examples/ops-desk/assistant/script.js';
import { DeploysEntry, OPS_DIRECTORY_TABLE } from '../../../../examples/ops-desk/intake/directory.js';
import { RUNBOOK_AGENT } from '../../../../examples/ops-desk/runbooks/agents.js';
import { FLEET_TABLE, FleetEntry } from '../../../../examples/ops-desk/runbooks/fleet.js';
import { ENVELOPE_SCHEMA_VERSION } from '../../../../lambdas/contracts/envelope.js';
import { AwsRuntime } from '../../../../lambdas/runtime/aws/aws-runtime.js';
import { agentHandler } from '../../../../lambdas/runtime/lambda/agent-handler.js';
import { InMemoryDeadLetterSink } from '../../../../lambdas/runtime/lambda/dead-letter/in-memory-dead-letter-sink.js';
import { StoreUnavailableError } from '../../../../lambdas/stores/store-errors.js';
import { fakeLambdaContext } from '../../../support/aws-loopback/fake-lambda-context.js';
import { quietPowertools } from '../../../support/aws-loopback/quiet-powertools.js';
import { testClients, testConfig } from '../../runtime/aws/aws-runtime-fixtures.js';

const checkout: FleetEntry = {
  service: 'checkout',
  instances: 3,
  maxInstances: 4,
  drained: false,
  restarts: 0,
  warmupChecks: 0,
  pendingChecks: 0,
};

async function fleetWith(entry: FleetEntry) {
  const fleet = new InMemoryItemStore({ table: FLEET_TABLE, schema: FleetEntry });
  await fleet.put(entry);
  return fleet;
}

async function desk() {
  const runtime = new InProcessRuntime({ logger: { warn: () => undefined, error: () => undefined } });
  const fleet = await fleetWith(checkout);
  const deployLog = new InMemoryItemStore({ table: OPS_DIRECTORY_TABLE, schema: DeploysEntry });
  await registerAgent(runtime, RUNBOOK_AGENT, { fleet, deployLog, sleep: async () => undefined });
  const model = new ScriptedModelClient(ASSISTANT_SCRIPT);
  await registerAgent(runtime, ASSISTANT_AGENT, { model, fleet, steps: new InMemoryAgentStateStore() });
  const ask = (question: string) => runtime.send(AskAssistant, { question }, new AgentId('assistant', 'ada'));
  return { ask, fleet, model };
}

describe('the desk’s assistant', () => {
  it('restarts a service by asking the runbook agent as a tool, and answers from the run’s steps', async () => {
    const { ask, fleet } = await desk();
    const answer = await ask('Please restart checkout');
    expect(answer).toEqual({
      answer:
        'Ran restart-service: 4 of 4 steps succeeded (drain_traffic, restart_service, check_health, restore_traffic).',
      toolCalls: [{ name: 'run_runbook', isError: false }],
      modelCalls: 2,
      contextMessages: 4,
    });
    expect((await fleet.get('checkout'))?.restarts).toBe(1);
  });

  it('remembers the conversation: a follow-up is asked with the earlier exchange in the model context', async () => {
    const { ask } = await desk();
    await ask('restart checkout');
    const status = await ask('and the status of checkout?');
    expect(status).toMatchObject({
      answer: 'checkout runs 3 of 4 instances, taking traffic, restarted 1 times.',
      contextMessages: 8,
    });
  });

  it('says what it can do when the question asks for neither tool, calling no tool', async () => {
    const { ask } = await desk();
    expect(await ask('what is the weather?')).toMatchObject({
      answer: expect.stringContaining('restart <service>'),
      toolCalls: [],
      modelCalls: 1,
    });
  });
});

/** The assistant's function as deployed, on one state store, with a model that dies at the listed calls. */
async function assistantFunction(crashAt: readonly number[]) {
  const fleet = await fleetWith(checkout);
  let reads = 0;
  const countingFleet = Object.assign(Object.create(fleet) as typeof fleet, {
    get: (service: string) => {
      reads++;
      return fleet.get(service);
    },
  });
  const script = new ScriptedModelClient(ASSISTANT_SCRIPT);
  let modelCalls = 0;
  const model: ModelClient = {
    complete: async (request) => {
      modelCalls++;
      if (crashAt.includes(modelCalls))
        throw new StoreUnavailableError('agent-state', 'crash', { cause: new Error('killed') });
      return script.complete(request);
    },
  };
  const stateStore = new InMemoryAgentStateStore();
  const runtime = new AwsRuntime({
    ...testClients(),
    config: testConfig({
      source: 'agentbridge.opsdesk',
      agentFunctions: new Map([['assistant', 'opsdesk-assistant']]),
    }),
    stateStore,
    logger: { warn() {}, error() {} },
  });
  const handler = agentHandler(
    ASSISTANT_AGENT,
    { model, fleet: countingFleet, steps: stateStore },
    { runtime, ...quietPowertools('assistant'), deadLetters: new InMemoryDeadLetterSink() },
  );
  const invoke = (input: unknown) =>
    handler(structuredClone(input), fakeLambdaContext('opsdesk-assistant', 30_000));
  return { invoke, stateStore, counts: () => ({ modelCalls, reads, scripted: script.calls }) };
}

const askInput = (id: string, question: string) => ({
  agentbridge: 'send',
  recipient: 'assistant/ada',
  deadline: 4102444800000,
  metadata: {
    id,
    type: 'AskAssistant',
    topicType: 'assistant',
    topicSource: 'ada',
    correlationId: id,
    causationId: id,
    time: '2026-12-02T15:00:00.000Z',
    schemaVersion: ENVELOPE_SCHEMA_VERSION,
  },
  data: { question },
});

describe('the desk’s assistant, redelivered', () => {
  it('after a crash before its second model call, a redelivery calls neither the first model call nor the tool again', async () => {
    const fn = await assistantFunction([2]);
    const input = askInput('ask-1', 'status of checkout');
    await expect(fn.invoke(input)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(fn.counts()).toEqual({ modelCalls: 2, reads: 1, scripted: 1 });
    const answer = await fn.invoke(input);
    expect(answer).toMatchObject({
      ok: true,
      result: { answer: expect.stringContaining('checkout runs 3 of 4'), modelCalls: 2 },
    });
    expect(fn.counts()).toEqual({ modelCalls: 3, reads: 1, scripted: 2 });
    expect((await fn.stateStore.get('assistant/ada'))?.state).toMatchObject({ context: { length: 4 } });
  });

  it('answers a redelivery of an answered question from the record, calling nothing', async () => {
    const fn = await assistantFunction([]);
    const input = askInput('ask-2', 'status of checkout');
    const first = await fn.invoke(input);
    const again = await fn.invoke(input);
    expect(again).toEqual(first);
    expect(fn.counts()).toEqual({ modelCalls: 2, reads: 1, scripted: 2 });
  });
});
