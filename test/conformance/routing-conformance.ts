import { afterEach, beforeEach, expect, it } from 'vitest';
import { defineAgent } from '../../lambdas/runtime/agent-definition.js';
import { AgentId } from '../../lambdas/runtime/agent-id.js';
import { DefaultSubscription } from '../../lambdas/runtime/default-subscription.js';
import { InvalidIdentifierError, isCantHandleError } from '../../lambdas/runtime/runtime-error.js';
import { subscriptionEventPattern } from '../../lambdas/runtime/subscription-event-pattern.js';
import { TopicId } from '../../lambdas/runtime/topic-id.js';
import { TypePrefixSubscription } from '../../lambdas/runtime/type-prefix-subscription.js';
import { TypeSubscription } from '../../lambdas/runtime/type-subscription.js';
import { Note, Ping, Task } from './conformance-messages.js';
import type { RuntimeHarness } from './runtime-harness.js';

/** Behaviours 1–9 of the runtime contract: identifiers, subscriptions, routing. */
export function describeRoutingConformance(create: () => Promise<RuntimeHarness>): void {
  let harness: RuntimeHarness;
  let seen: string[];
  const recorder = defineAgent({
    handlers: (on) => [
      on.event(Note, (msg, ctx) => {
        seen.push(`${ctx.recipient.toString()}:${msg.text}`);
      }),
      on.rpc(Ping, (msg, ctx) => ({ reply: `${ctx.recipient.toString()}:${msg.text}` })),
    ],
  });

  beforeEach(async () => {
    seen = [];
    harness = await create();
  });
  afterEach(() => harness.dispose());

  it('1. rejects invalid agent and topic types and parses "type/key" at the first slash', async () => {
    for (const type of ['a b', 'a:b', '']) {
      expect(() => new AgentId(type, 'k')).toThrow(expect.objectContaining({ code: 'INVALID_IDENTIFIER' }));
      await expect(harness.runtime.register(type, recorder)).rejects.toBeInstanceOf(InvalidIdentifierError);
    }
    for (const type of ['a b', '', 'a/b']) {
      expect(() => new TopicId(type, 's')).toThrow(expect.objectContaining({ code: 'INVALID_IDENTIFIER' }));
    }
    expect(new AgentId('a.b-c_d', 'k').type).toBe('a.b-c_d');
    expect(new TopicId('a:b=c.d', 's').type).toBe('a:b=c.d');
    const parsed = AgentId.fromString('a/b/c');
    expect([parsed.type, parsed.key]).toEqual(['a', 'b/c']);
  });

  it('2. a type subscription matches its topic type from any source and maps the source to the key', async () => {
    const subscription = new TypeSubscription('t1', 'a1');
    expect(subscription.isMatch(new TopicId('t1', 'anything'))).toBe(true);
    expect(subscription.isMatch(new TopicId('t0', 's1'))).toBe(false);
    expect(subscription.mapToAgent(new TopicId('t1', 's1'))).toEqual(new AgentId('a1', 's1'));
    expect(() => subscription.mapToAgent(new TopicId('t0', 's1'))).toThrow(
      expect.objectContaining({ code: 'CANT_HANDLE' }),
    );

    await harness.runtime.register('a1', recorder);
    await harness.runtime.addSubscription(subscription);
    await harness.runtime.publish(Note, { text: 'hit' }, new TopicId('t1', 's1'));
    await harness.runtime.publish(Note, { text: 'miss' }, new TopicId('t0', 's1'));
    await harness.idle();
    expect(seen).toEqual(['a1/s1:hit']);
  });

  it('3. a prefix subscription matches the prefix and its children, and compiles to an EventBridge prefix', async () => {
    const subscription = new TypePrefixSubscription('t1', 'a1');
    expect(subscription.isMatch(new TopicId('t1', 's'))).toBe(true);
    expect(subscription.isMatch(new TopicId('t1.anything', 's'))).toBe(true);
    expect(subscription.isMatch(new TopicId('t0.t1', 's'))).toBe(false);
    expect(JSON.stringify(subscriptionEventPattern(subscription))).toContain('{"prefix":"t1"}');

    await harness.runtime.register('a1', recorder);
    await harness.runtime.addSubscription(subscription);
    await harness.runtime.publish(Note, { text: 'child' }, new TopicId('t1.anything', 'k'));
    await harness.idle();
    expect(seen).toEqual(['a1/k:child']);
  });

  it('4. refuses a duplicate subscription and an unknown removal; a removed one stops delivering', async () => {
    await harness.runtime.register('a1', recorder);
    await harness.runtime.addSubscription(new TypeSubscription('t1', 'a1'));
    await harness.runtime.addSubscription(new TypeSubscription('t2', 'a1'));
    await expect(harness.runtime.addSubscription(new TypeSubscription('t1', 'a1'))).rejects.toThrow(
      /already exists/,
    );
    await expect(harness.runtime.removeSubscription('no-such-id')).rejects.toThrow(/does not exist/);

    await harness.runtime.removeSubscription(new TypeSubscription('t1', 'a1').id);
    await harness.runtime.publish(Note, { text: 'removed' }, new TopicId('t1', 'k'));
    await harness.runtime.publish(Note, { text: 'kept' }, new TopicId('t2', 'k'));
    await harness.idle();
    expect(seen).toEqual(['a1/k:kept']);
  });

  it('5. publishing to a topic nobody subscribes to runs nothing and creates nothing', async () => {
    await harness.runtime.register('a1', recorder);
    await harness.runtime.addSubscription(new TypeSubscription('t1', 'a1'));
    await expect(
      harness.runtime.publish(Note, { text: 'x' }, new TopicId('nobody', 'k')),
    ).resolves.toBeUndefined();
    await harness.idle();
    expect(seen).toEqual([]);
    expect(await harness.instantiated()).toEqual([]);
  });

  it('6. the default subscription creates the keyed instance lazily and no other', async () => {
    await harness.runtime.register('name', recorder);
    await harness.runtime.addSubscription(new DefaultSubscription('name'));
    expect(await harness.instantiated()).toEqual([]);
    await harness.runtime.publish(Note, { text: 'lazy' }, new TopicId('default', 'k9'));
    await harness.idle();
    expect(await harness.instantiated()).toEqual(['name/k9']);
    expect(seen).toEqual(['name/k9:lazy']);
  });

  it('7. the first handler whose match accepts runs, and only that one', async () => {
    const ran: string[] = [];
    await harness.runtime.register(
      'matcher',
      defineAgent({
        handlers: (on) => [
          on.event(Task, () => void ran.push('first-a'), { match: (msg) => msg.kind === 'a' }),
          on.event(Task, () => void ran.push('second-a-or-b'), { match: (msg) => msg.kind !== 'c' }),
          on.event(Task, () => void ran.push('fallback')),
        ],
      }),
    );
    await harness.runtime.addSubscription(new TypeSubscription('tasks', 'matcher'));
    for (const kind of ['a', 'b', 'c'] as const) {
      await harness.runtime.publish(Task, { kind, n: 1 }, new TopicId('tasks', 'k'));
      await harness.idle();
    }
    expect(ran).toEqual(['first-a', 'second-a-or-b', 'fallback']);
  });

  it('8. an rpc-only handler ignores publishes; an event-only handler rejects sends with CantHandle', async () => {
    const ran: string[] = [];
    await harness.runtime.register(
      'kinds',
      defineAgent({
        handlers: (on) => [
          on.rpc(Ping, (msg) => {
            ran.push(`rpc:${msg.text}`);
            return { reply: msg.text };
          }),
          on.event(Note, (msg) => void ran.push(`event:${msg.text}`)),
        ],
      }),
    );
    await harness.runtime.addSubscription(new TypeSubscription('kinds', 'kinds'));
    await harness.runtime.publish(Ping, { text: 'published' }, new TopicId('kinds', 'k'));
    await harness.idle();
    await expect(harness.runtime.send(Note, { text: 'sent' }, new AgentId('kinds', 'k'))).rejects.toSatisfy(
      isCantHandleError,
    );
    await expect(harness.runtime.send(Ping, { text: 'sent' }, new AgentId('kinds', 'k'))).resolves.toEqual({
      reply: 'sent',
    });
    expect(ran).toEqual(['rpc:sent']);
  });

  it('9. a publisher does not receive its own message; another key of its type does', async () => {
    await harness.runtime.register(
      'peer',
      defineAgent({
        handlers: (on) => [
          on.rpc(Ping, async (msg, ctx) => {
            await ctx.publish(Note, { text: msg.text }, new TopicId('room', ctx.recipient.key));
            await ctx.publish(Note, { text: msg.text }, new TopicId('room', 'other'));
            return { reply: 'published' };
          }),
          on.event(Note, (msg, ctx) => void seen.push(`${ctx.recipient.toString()}:${msg.text}`)),
        ],
      }),
    );
    await harness.runtime.addSubscription(new TypeSubscription('room', 'peer'));
    await harness.runtime.send(Ping, { text: 'hello' }, new AgentId('peer', 'me'));
    await harness.idle();
    expect(seen).toEqual(['peer/other:hello']);
  });
}
