import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { runAssistantTurn } from '../../../../lambdas/patterns/assistant/assistant-loop.js';
import type { ModelClient, ModelRequest } from '../../../../lambdas/patterns/assistant/model-client.js';
import {
  lastToolResults,
  ScriptedModelClient,
} from '../../../../lambdas/patterns/assistant/scripted-model-client.js';
import {
  AgentStateStepJournal,
  JOURNAL_TURNS_KEPT,
} from '../../../../lambdas/patterns/assistant/step-journal.js';
import { defineTool } from '../../../../lambdas/patterns/tools/tool.js';
import { InMemoryAgentStateStore } from '../../../../lambdas/stores/agent-state/in-memory/in-memory-agent-state-store.js';
import { StoreUnavailableError } from '../../../../lambdas/stores/store-errors.js';

const assistant = { type: 'assistant', key: 'desk' };

function countedTool() {
  const ran: string[] = [];
  const tool = defineTool({
    name: 'restart_service',
    description: 'Restarts a service',
    input: z.object({ service: z.string() }),
    output: z.object({ service: z.string(), restarts: z.number() }),
    run: ({ service }) => {
      ran.push(service);
      return { service, restarts: ran.length };
    },
  });
  return { tool, ran };
}

/** A scripted model whose process dies (a crash the delivery cannot survive) at the listed call numbers. */
function crashingModel(crashAt: readonly number[]): ModelClient & { calls: number } {
  const script = new ScriptedModelClient([
    {
      toolCalls: [
        { name: 'restart_service', input: { service: 'checkout' } },
        { name: 'restart_service', input: { service: 'cart' } },
      ],
    },
    (request: ModelRequest) => ({ text: `restarted ${lastToolResults(request).length} services` }),
  ]);
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    async complete(request) {
      calls++;
      if (crashAt.includes(calls))
        throw new StoreUnavailableError('agent-state', 'crash', { cause: new Error('killed') });
      return script.complete(request);
    },
  };
}

describe('a turn recorded in a step journal', () => {
  it('after a crash before the second model call, a redelivery calls neither the first model call nor the tools again', async () => {
    const store = new InMemoryAgentStateStore();
    const { tool, ran } = countedTool();
    const model = crashingModel([2]);
    const deliver = () =>
      runAssistantTurn([], 'restart checkout and cart', {
        model,
        tools: [tool],
        journal: new AgentStateStepJournal({ store, agentId: assistant, turnId: 'm-1' }),
      });
    await expect(deliver()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(ran).toEqual(['checkout', 'cart']);
    const turn = await deliver();
    expect(turn.text).toBe('restarted 2 services');
    expect(ran).toEqual(['checkout', 'cart']);
    expect(model.calls).toBe(3);
    expect(turn.toolCalls.map((call) => call.content)).toEqual([
      { service: 'checkout', restarts: 1 },
      { service: 'cart', restarts: 2 },
    ]);
  });

  it('replays a finished turn whole: a third delivery calls nothing and answers alike', async () => {
    const store = new InMemoryAgentStateStore();
    const { tool, ran } = countedTool();
    const model = crashingModel([]);
    const deliver = () =>
      runAssistantTurn([], 'restart checkout and cart', {
        model,
        tools: [tool],
        journal: new AgentStateStepJournal({ store, agentId: assistant, turnId: 'm-1' }),
      });
    const first = await deliver();
    const again = await deliver();
    expect(again).toEqual(first);
    expect(model.calls).toBe(2);
    expect(ran).toHaveLength(2);
  });

  it('runs another message’s turn afresh, and keeps the steps of the last turns only', async () => {
    const store = new InMemoryAgentStateStore();
    const { tool, ran } = countedTool();
    const model = crashingModel([]);
    for (let index = 0; index <= JOURNAL_TURNS_KEPT; index++) {
      await runAssistantTurn([], 'restart checkout and cart', {
        model,
        tools: [tool],
        journal: new AgentStateStepJournal({ store, agentId: assistant, turnId: `m-${index}` }),
      });
    }
    expect(ran).toHaveLength(2 * (JOURNAL_TURNS_KEPT + 1));
    const journal = (await store.get('assistant.steps/desk'))?.state as { turns: { turnId: string }[] };
    expect(journal.turns.map((turn) => turn.turnId)).toEqual(['m-1', 'm-2', 'm-3', 'm-4']);
  });

  it('keeps the step a racing delivery recorded first, so both deliveries answer with the same result', async () => {
    const store = new InMemoryAgentStateStore();
    const journal = () => new AgentStateStepJournal({ store, agentId: assistant, turnId: 'm-1' });
    const [winner, loser] = [journal(), journal()];
    // The loser has read the journal and is running the step when the winner records it.
    const loserResult = await loser.once('model:0', async () => {
      await winner.once('model:0', async () => ({ text: 'winner' }));
      return { text: 'loser' };
    });
    expect(loserResult).toEqual({ text: 'winner' });
    expect(await journal().once('model:0', async () => ({ text: 'never' }))).toEqual({ text: 'winner' });
  });
});
