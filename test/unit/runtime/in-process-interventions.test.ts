import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { defineMessage } from '../../../lambdas/contracts/message-type.js';
import { defineAgent } from '../../../lambdas/runtime/agent-definition.js';
import { AgentId } from '../../../lambdas/runtime/agent-id.js';
import { InProcessRuntime } from '../../../lambdas/runtime/in-process-runtime.js';
import { DropMessage, type InterventionHandler } from '../../../lambdas/runtime/intervention.js';
import { TopicId } from '../../../lambdas/runtime/topic-id.js';
import { TypeSubscription } from '../../../lambdas/runtime/type-subscription.js';

const Ask = defineMessage('test.Ask', z.object({ text: z.string() }), {
  response: z.object({ answer: z.string() }),
});
const Tell = defineMessage('test.Tell', z.object({ text: z.string() }));
const quiet = () => ({ warn: vi.fn(), error: vi.fn() });

/** An in-process runtime with `interventions`, an echo agent and a listener on topic `news`. */
async function system(interventions: InterventionHandler[]) {
  const runtime = new InProcessRuntime({ logger: quiet(), interventions });
  const heard: string[] = [];
  await runtime.register(
    'echo',
    defineAgent({
      handlers: (on) => [
        on.rpc(Ask, async (msg, ctx) => {
          // Another key: a publisher never receives its own message.
          await ctx.publish(Tell, { text: `re ${msg.text}` }, new TopicId('news', 'listener'));
          return { answer: msg.text };
        }),
        on.event(Tell, (msg) => void heard.push(msg.text)),
      ],
    }),
  );
  await runtime.addSubscription(new TypeSubscription('news', 'echo'));
  return { runtime, heard, echo: new AgentId('echo', 'k') };
}

describe('in-process runtime: intervention handlers', () => {
  it('show each send, publish (also from inside a handler) and reply to every handler, in order', async () => {
    const log: string[] = [];
    const observer = (name: string): InterventionHandler => ({
      onSend: (msg, ctx, recipient) => {
        log.push(`${name} send ${ctx.messageType} → ${recipient}`);
        return msg;
      },
      onPublish: (msg, ctx) => {
        log.push(`${name} publish ${ctx.messageType} from ${ctx.sender} to ${ctx.topic}`);
        return msg;
      },
      onResponse: (reply, sender) => {
        log.push(`${name} reply from ${sender}`);
        return reply;
      },
    });
    const { runtime, heard, echo } = await system([observer('a'), observer('b')]);
    await expect(runtime.send(Ask, { text: 'hi' }, echo)).resolves.toEqual({ answer: 'hi' });
    await runtime.waitUntilIdle();
    expect(heard).toEqual(['re hi']);
    expect(log).toEqual([
      'a send test.Ask → echo/k',
      'b send test.Ask → echo/k',
      'a publish test.Tell from echo/k to news/listener',
      'b publish test.Tell from echo/k to news/listener',
      'a reply from echo/k',
      'b reply from echo/k',
    ]);
  });

  it('deliver what a handler transforms, the next handler seeing the previous one’s result', async () => {
    const { runtime, heard, echo } = await system([
      { onSend: (msg) => ({ text: `${(msg as { text: string }).text}!` }) },
      { onSend: async (msg) => ({ text: (msg as { text: string }).text.toUpperCase() }) },
      { onResponse: (reply) => ({ answer: `[${(reply as { answer: string }).answer}]` }) },
    ]);
    await expect(runtime.send(Ask, { text: 'hi' }, echo)).resolves.toEqual({ answer: '[HI!]' });
    await runtime.waitUntilIdle();
    expect(heard).toEqual(['re HI!']);
  });

  it('validate a transformed message like any payload', async () => {
    const { runtime, echo } = await system([{ onSend: () => ({ text: 42 }) }]);
    await expect(runtime.send(Ask, { text: 'hi' }, echo)).rejects.toMatchObject({
      code: 'MESSAGE_VALIDATION',
    });
  });

  it('drop a send (the caller is told), a publish (nothing is delivered) and a reply (the caller is told)', async () => {
    const dropSends = await system([{ onSend: () => DropMessage }]);
    await expect(dropSends.runtime.send(Ask, { text: 'x' }, dropSends.echo)).rejects.toMatchObject({
      code: 'MESSAGE_DROPPED',
      message: 'An intervention handler dropped the message of test.Ask',
    });
    const dropPublishes = await system([{ onPublish: () => DropMessage }]);
    await expect(dropPublishes.runtime.send(Ask, { text: 'x' }, dropPublishes.echo)).resolves.toEqual({
      answer: 'x',
    });
    await dropPublishes.runtime.waitUntilIdle();
    expect(dropPublishes.heard).toEqual([]);
    const dropReplies = await system([{ onResponse: () => DropMessage }]);
    await expect(dropReplies.runtime.send(Ask, { text: 'x' }, dropReplies.echo)).rejects.toMatchObject({
      code: 'MESSAGE_DROPPED',
      message: 'An intervention handler dropped the reply of test.Ask',
    });
  });

  it('reject the caller with what a handler throws, on send, publish and reply', async () => {
    const refuse = (where: string) => () => {
      throw new Error(`refused on ${where}`);
    };
    const onSend = await system([{ onSend: refuse('send') }]);
    await expect(onSend.runtime.send(Ask, { text: 'x' }, onSend.echo)).rejects.toThrow('refused on send');
    const onPublish = await system([{ onPublish: refuse('publish') }]);
    await expect(onPublish.runtime.publish(Tell, { text: 'x' }, new TopicId('news', 'k'))).rejects.toThrow(
      'refused on publish',
    );
    await expect(onPublish.runtime.send(Ask, { text: 'x' }, onPublish.echo)).rejects.toThrow(
      'refused on publish',
    );
    const onResponse = await system([{ onResponse: refuse('reply') }]);
    await expect(onResponse.runtime.send(Ask, { text: 'x' }, onResponse.echo)).rejects.toThrow(
      'refused on reply',
    );
  });

  it('make waitUntilIdle wait for a publish still being looked at', async () => {
    const { runtime, heard } = await system([
      {
        onPublish: async (msg) => {
          await sleep(20);
          return msg;
        },
      },
    ]);
    void runtime.publish(Tell, { text: 'late' }, new TopicId('news', 'k'));
    await runtime.waitUntilIdle();
    expect(heard).toEqual(['late']);
  });
});
