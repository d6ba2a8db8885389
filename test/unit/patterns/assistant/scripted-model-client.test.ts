import { describe, expect, it } from 'vitest';
import {
  type ConversationMessage,
  recentContext,
} from '../../../../lambdas/patterns/assistant/model-client.js';
import {
  lastUserText,
  ScriptedModelClient,
} from '../../../../lambdas/patterns/assistant/scripted-model-client.js';

const ask = (text: string): ConversationMessage => ({ role: 'user', content: [{ type: 'text', text }] });

describe('the scripted model client', () => {
  const model = new ScriptedModelClient([
    (request) => ({ toolCalls: [{ name: 'lookup', input: { q: lastUserText(request) } }] }),
    { text: 'done' },
  ]);

  it('plays the script from its first turn for each question, counting assistant messages since the question', async () => {
    const first = await model.complete({ messages: [ask('checkout?')], tools: [] });
    expect(first).toEqual({
      message: {
        role: 'assistant',
        content: [{ type: 'toolUse', toolUseId: 'scripted-0-0', name: 'lookup', input: { q: 'checkout?' } }],
      },
      stopReason: 'tool_use',
    });
    const results: ConversationMessage = {
      role: 'user',
      content: [{ type: 'toolResult', toolUseId: 'scripted-0-0', content: {}, isError: false }],
    };
    const second = await model.complete({ messages: [ask('checkout?'), first.message, results], tools: [] });
    expect(second.message.content).toEqual([{ type: 'text', text: 'done' }]);
    const next = await model.complete({
      messages: [ask('checkout?'), first.message, results, second.message, ask('cart?')],
      tools: [],
    });
    expect(next.message.content).toEqual([
      { type: 'toolUse', toolUseId: 'scripted-0-0', name: 'lookup', input: { q: 'cart?' } },
    ]);
  });

  it('refuses a turn past the script’s end with MODEL_SCRIPT_EXHAUSTED', async () => {
    const short = new ScriptedModelClient([{ toolCalls: [{ name: 'lookup', input: {} }] }]);
    const first = await short.complete({ messages: [ask('x')], tools: [] });
    const more = short.complete({ messages: [ask('x'), first.message, ask('y'), first.message], tools: [] });
    await expect(more).rejects.toMatchObject({ code: 'MODEL_SCRIPT_EXHAUSTED', transient: false });
    expect(short.calls).toBe(1);
  });
});

describe('recentContext', () => {
  const toolRound: ConversationMessage[] = [
    { role: 'assistant', content: [{ type: 'toolUse', toolUseId: 't', name: 'lookup', input: {} }] },
    { role: 'user', content: [{ type: 'toolResult', toolUseId: 't', content: {}, isError: false }] },
    { role: 'assistant', content: [{ type: 'text', text: 'answer' }] },
  ];
  const context = [ask('one'), ...toolRound, ask('two'), ...toolRound, ask('three'), ...toolRound];

  it('drops the oldest questions whole, cutting only before a user’s text', () => {
    expect(recentContext(context, 9)).toEqual(context.slice(4));
    expect(recentContext(context, 6)).toEqual(context.slice(8));
    expect(recentContext(context, 12)).toEqual(context);
  });

  it('keeps the latest question whole even when it alone is longer', () => {
    expect(recentContext(context, 2)).toEqual(context.slice(8));
  });
});
