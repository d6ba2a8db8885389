import { afterEach, beforeEach, expect, it } from 'vitest';
import { defineAgent } from '../../lambdas/runtime/agent-definition.js';
import { AgentId } from '../../lambdas/runtime/agent-id.js';
import { defineClosureAgent, registerClosureAgent } from '../../lambdas/runtime/closure-agent.js';
import { DefaultSubscription } from '../../lambdas/runtime/default-subscription.js';
import { DefaultTopicId } from '../../lambdas/runtime/default-topic.js';
import { InvalidIdentifierError } from '../../lambdas/runtime/runtime-error.js';
import { TopicId } from '../../lambdas/runtime/topic-id.js';
import { TypeSubscription } from '../../lambdas/runtime/type-subscription.js';
import { Note, Ping } from './conformance-messages.js';
import type { RuntimeHarness } from './runtime-harness.js';

/** Behaviours 15–18 and 22 of the runtime contract: what AutoGen's agent base and identifiers add to routing. */
export function describeAgentBaseConformance(create: () => Promise<RuntimeHarness>): void {
  let harness: RuntimeHarness;
  let seen: string[];
  const recorder = defineAgent({
    handlers: (on) => [
      on.event(
        Note,
        (msg, ctx) => void seen.push(`${ctx.recipient.toString()}@${ctx.topic?.type}:${msg.text}`),
      ),
      on.rpc(Ping, (msg, ctx) => ({ reply: `${ctx.recipient.toString()}:${msg.text}` })),
    ],
  });

  beforeEach(async () => {
    seen = [];
    harness = await create();
  });
  afterEach(() => harness.dispose());

  it('15. registering a type subscribes it to "<type>:" topics unless it opts out', async () => {
    await harness.runtime.register('echo', recorder);
    await harness.runtime.register('hush', recorder, { skipDirectMessageSubscription: true });
    await harness.runtime.register('echo2', recorder);
    await harness.runtime.publish(Note, { text: 'direct' }, new TopicId('echo:inbox', 'k1'));
    await harness.runtime.publish(Note, { text: 'opted-out' }, new TopicId('hush:inbox', 'k1'));
    await harness.runtime.publish(Note, { text: 'bare type' }, new TopicId('echo', 'k1'));
    await harness.idle();
    expect(seen).toEqual(['echo/k1@echo:inbox:direct']);
    expect(await harness.instantiated()).toEqual(['echo/k1']);
  });

  it('16. identifiers take letters and digits beyond ASCII as Python does, and refuse non-strings', async () => {
    await harness.runtime.register('отчёт_2', recorder);
    await harness.runtime.addSubscription(new TypeSubscription('заказ.créé', 'отчёт_2'));
    await harness.runtime.publish(Note, { text: 'unicode' }, new TopicId('заказ.créé', '東京'));
    await harness.idle();
    expect(seen).toEqual(['отчёт_2/東京@заказ.créé:unicode']);
    expect(new AgentId('ρ٣²', 'k').type).toBe('ρ٣²');
    // Python's \w holds no combining marks: a decomposed "é" is not a word character, the precomposed one is.
    expect(() => new AgentId('cafe\u0301', 'k')).toThrow(
      expect.objectContaining({ code: 'INVALID_IDENTIFIER' }),
    );
    for (const value of [42, null, undefined, ['a'], { toString: () => 'a' }]) {
      const notString = value as unknown as string;
      expect(() => new AgentId(notString, 'k')).toThrow(
        expect.objectContaining({ code: 'INVALID_IDENTIFIER' }),
      );
      expect(() => new AgentId('a', notString)).toSatisfy(throwsInvalid);
      expect(() => new TopicId(notString, 's')).toSatisfy(throwsInvalid);
      await expect(harness.runtime.register(notString, recorder)).rejects.toBeInstanceOf(
        InvalidIdentifierError,
      );
    }
    // undefined is TopicId's documented "no source": the default one.
    expect(() => new TopicId('t', 7 as unknown as string)).toSatisfy(throwsInvalid);
  });

  it('17. DefaultTopicId takes the handling agent\'s key inside a handler and "default" outside', async () => {
    const outside = new DefaultTopicId();
    expect([outside.type, outside.source]).toEqual(['default', 'default']);
    expect(new DefaultTopicId('news', 'given').source).toBe('given');
    await harness.runtime.register(
      'announcer',
      defineAgent({
        handlers: (on) => [
          on.rpc(Ping, async (msg, ctx) => {
            await Promise.resolve();
            await ctx.publish(Note, { text: msg.text }, new DefaultTopicId());
            return { reply: new DefaultTopicId('news').toString() };
          }),
        ],
      }),
    );
    await harness.runtime.register('listener', recorder);
    await harness.runtime.addSubscription(new DefaultSubscription('listener'));
    await expect(
      harness.runtime.send(Ping, { text: 'hi' }, new AgentId('announcer', 'room-7')),
    ).resolves.toEqual({
      reply: 'news/room-7',
    });
    await harness.idle();
    expect(seen).toEqual(['listener/room-7@default:hi']);
  });

  it('18. a state initializer that throws fails the send as that agent failing to construct, every time', async () => {
    await harness.runtime.register(
      'fragile',
      defineAgent({
        state: () => {
          throw new Error('config missing');
        },
        handlers: (on) => [on.rpc(Ping, (msg) => ({ reply: msg.text }))],
      }),
    );
    for (const attempt of ['first', 'second']) {
      const failure = harness.runtime.send(Ping, { text: attempt }, new AgentId('fragile', 'k'));
      await expect(failure).rejects.toMatchObject({ code: 'AGENT_CONSTRUCTION_FAILED' });
      await expect(failure).rejects.toThrow(/fragile\/k could not be constructed: config missing/);
    }
  });

  it('22. a closure agent collects what is published to it and answers what is sent to it', async () => {
    const collected: string[] = [];
    const collector = defineClosureAgent([Note, Ping], (msg, ctx) => {
      collected.push(`${ctx.recipient.toString()}:${msg.text}`);
      return ctx.isRpc ? { reply: `got ${msg.text}` } : undefined;
    });
    await registerClosureAgent(harness.runtime, 'collector', collector, [
      new TypeSubscription('results', 'collector'),
    ]);
    await harness.runtime.publish(Note, { text: 'one' }, new TopicId('results', 'run-1'));
    await harness.runtime.publish(Note, { text: 'two' }, new TopicId('collector:direct', 'run-1'));
    await harness.idle();
    await expect(
      harness.runtime.send(Ping, { text: 'three' }, new AgentId('collector', 'run-1')),
    ).resolves.toEqual({
      reply: 'got three',
    });
    expect(collected.sort()).toEqual(['collector/run-1:one', 'collector/run-1:three', 'collector/run-1:two']);
  });
}

const throwsInvalid = (make: () => unknown): boolean => {
  try {
    make();
    return false;
  } catch (error) {
    return error instanceof InvalidIdentifierError;
  }
};
