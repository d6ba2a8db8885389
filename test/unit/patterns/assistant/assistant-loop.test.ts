import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { TransientError } from '../../../../lambdas/contracts/transient-error.js';
import { runAssistantTurn } from '../../../../lambdas/patterns/assistant/assistant-loop.js';
import type {
  ConversationMessage,
  ModelRequest,
} from '../../../../lambdas/patterns/assistant/model-client.js';
import {
  lastToolResults,
  ScriptedModelClient,
} from '../../../../lambdas/patterns/assistant/scripted-model-client.js';
import { defineTool } from '../../../../lambdas/patterns/tools/tool.js';

const health = defineTool({
  name: 'service_health',
  description: 'Reports whether a service answers its health check',
  input: z.object({ service: z.string().min(1) }),
  output: z.object({ service: z.string(), healthy: z.boolean() }),
  run: ({ service }) => ({ service, healthy: service !== 'search' }),
});

const results = (request: ModelRequest) => JSON.stringify(lastToolResults(request));

describe('the assistant loop', () => {
  it('answers with the model’s text when the completion asks for no tools, the exchange added to the context', async () => {
    const context: ConversationMessage[] = [];
    const model = new ScriptedModelClient([{ text: 'Nothing is paging right now.' }]);
    const turn = await runAssistantTurn(context, 'Anything on fire?', { model, tools: [health] });
    expect(turn).toEqual({
      text: 'Nothing is paging right now.',
      stopReason: 'end_turn',
      toolCalls: [],
      modelCalls: 1,
    });
    expect(context).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Anything on fire?' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Nothing is paging right now.' }] },
    ]);
  });

  it('passes the tools to the model as JSON Schema specs with the system prompt and the whole context', async () => {
    const seen: ModelRequest[] = [];
    const model = {
      complete: async (request: ModelRequest) => {
        seen.push(request);
        return {
          message: { role: 'assistant' as const, content: [{ type: 'text' as const, text: 'ok' }] },
          stopReason: 'end_turn',
        };
      },
    };
    await runAssistantTurn([], 'hello', { model, tools: [health], system: 'You help operators.' });
    expect(seen[0]?.system).toBe('You help operators.');
    expect(seen[0]?.tools).toEqual([
      {
        name: 'service_health',
        description: 'Reports whether a service answers its health check',
        inputSchema: expect.objectContaining({ type: 'object', required: ['service'] }),
      },
    ]);
  });

  it('runs the tool calls of one completion concurrently and feeds every result back to the model', async () => {
    let running = 0;
    let mostAtOnce = 0;
    const slow = defineTool({
      ...health,
      run: async ({ service }: { service: string }) => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        return { service, healthy: true };
      },
    });
    const model = new ScriptedModelClient([
      {
        toolCalls: [
          { name: 'service_health', input: { service: 'checkout' } },
          { name: 'service_health', input: { service: 'cart' } },
        ],
      },
      (request) => ({ text: results(request) }),
    ]);
    const context: ConversationMessage[] = [];
    const turn = await runAssistantTurn(context, 'How are checkout and cart?', { model, tools: [slow] });
    expect(mostAtOnce).toBe(2);
    expect(JSON.parse(turn.text)).toEqual([
      { content: { service: 'checkout', healthy: true }, isError: false },
      { content: { service: 'cart', healthy: true }, isError: false },
    ]);
    expect(turn.toolCalls.map((call) => call.toolUseId)).toEqual(['scripted-0-0', 'scripted-0-1']);
    expect(context.map((message) => [message.role, message.content.map((block) => block.type)])).toEqual([
      ['user', ['text']],
      ['assistant', ['toolUse', 'toolUse']],
      ['user', ['toolResult', 'toolResult']],
      ['assistant', ['text']],
    ]);
  });

  it('flags an unknown tool, an input the schema refuses and a tool that throws as error results, without throwing', async () => {
    const flaky = defineTool({
      name: 'page_oncall',
      description: 'Pages the on-call engineer of a team',
      input: z.object({ team: z.string() }),
      output: z.object({ paged: z.string() }),
      run: () => {
        throw new TransientError('the pager service is unreachable');
      },
    });
    const model = new ScriptedModelClient([
      {
        toolCalls: [
          { name: 'reboot_datacenter', input: {} },
          { name: 'service_health', input: { service: '' } },
          { name: 'page_oncall', input: { team: 'payments' } },
          { name: 'service_health', input: { service: 'search' } },
        ],
      },
      (request) => ({
        text: `${lastToolResults(request).filter((result) => result.isError).length} calls failed`,
      }),
    ]);
    const turn = await runAssistantTurn([], 'Check everything', { model, tools: [health, flaky] });
    expect(turn.text).toBe('3 calls failed');
    expect(
      turn.toolCalls.map(({ isError, content }) => [isError, (content as { code?: string }).code ?? content]),
    ).toEqual([
      [true, 'UNKNOWN_TOOL'],
      [true, 'TOOL_INPUT_INVALID'],
      [true, 'TOOL_RUN_FAILED'],
      [false, { service: 'search', healthy: false }],
    ]);
  });

  it('without reflection ends the turn on the tool results, one line per call, calling the model once', async () => {
    const model = new ScriptedModelClient([
      { toolCalls: [{ name: 'service_health', input: { service: 'checkout' } }] },
    ]);
    const turn = await runAssistantTurn([], 'checkout?', { model, tools: [health], reflectOnToolUse: false });
    expect(turn).toMatchObject({
      text: 'service_health: {"service":"checkout","healthy":true}',
      stopReason: 'tool_results',
      modelCalls: 1,
    });
    expect(model.calls).toBe(1);
  });

  it('fails with TOOL_ITERATIONS_EXHAUSTED when the model still asks for tools after maxToolIterations rounds', async () => {
    const again = { toolCalls: [{ name: 'service_health', input: { service: 'checkout' } }] };
    const model = new ScriptedModelClient([again, again, again]);
    const turn = runAssistantTurn([], 'loop forever', { model, tools: [health], maxToolIterations: 2 });
    await expect(turn).rejects.toMatchObject({
      name: 'ToolIterationsExhaustedError',
      code: 'TOOL_ITERATIONS_EXHAUSTED',
      transient: false,
      maxToolIterations: 2,
      toolCalls: 2,
    });
    expect(model.calls).toBe(3);
  });

  it('continues a conversation: the next question is asked with the earlier exchange in the context', async () => {
    const context: ConversationMessage[] = [];
    const model = new ScriptedModelClient([
      (request) => ({ text: `context of ${request.messages.length} messages` }),
    ]);
    await runAssistantTurn(context, 'first', { model, tools: [] });
    const second = await runAssistantTurn(context, 'second', { model, tools: [] });
    expect(second.text).toBe('context of 3 messages');
    expect(context).toHaveLength(4);
  });
});
