import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { defineMessage } from '../../../lambdas/contracts/message-type.js';
import { defineAgent } from '../../../lambdas/runtime/agent-definition.js';
import { AgentId } from '../../../lambdas/runtime/agent-id.js';
import { InProcessRuntime } from '../../../lambdas/runtime/in-process-runtime.js';
import { MessageCancelledError } from '../../../lambdas/runtime/runtime-error.js';
import { TopicId } from '../../../lambdas/runtime/topic-id.js';
import { TypePrefixSubscription } from '../../../lambdas/runtime/type-prefix-subscription.js';
import { TypeSubscription } from '../../../lambdas/runtime/type-subscription.js';

const Step = defineMessage('test.Step', z.object({ label: z.string(), ms: z.number() }));
const Ask = defineMessage('test.Ask', z.object({ depth: z.number() }), { response: z.number() });
const quiet = () => ({ warn: vi.fn(), error: vi.fn() });

describe('in-process runtime decisions', () => {
  it('runs messages to one agent one at a time, in arrival order', async () => {
    const runtime = new InProcessRuntime({ logger: quiet() });
    const log: string[] = [];
    await runtime.register(
      'worker',
      defineAgent({
        handlers: (on) => [
          on.message(Step, async (msg) => {
            log.push(`start ${msg.label}`);
            await sleep(msg.ms);
            log.push(`end ${msg.label}`);
          }),
        ],
      }),
    );
    const id = new AgentId('worker', 'k');
    await Promise.all([
      runtime.send(Step, { label: 'slow', ms: 20 }, id),
      runtime.send(Step, { label: 'fast', ms: 0 }, id),
    ]);
    expect(log).toEqual(['start slow', 'end slow', 'start fast', 'end fast']);
  });

  it('lets a call chain come back to an agent that is waiting in it (A → B → A) instead of deadlocking', async () => {
    const runtime = new InProcessRuntime({ logger: quiet() });
    const pingPong = defineAgent({
      handlers: (on) => [
        on.rpc(Ask, async (msg, ctx) => {
          if (msg.depth === 0) return 0;
          const other = new AgentId(ctx.recipient.type === 'a' ? 'b' : 'a', 'k');
          return 1 + (await ctx.send(Ask, { depth: msg.depth - 1 }, other));
        }),
      ],
    });
    await runtime.register('a', pingPong);
    await runtime.register('b', pingPong);
    await expect(runtime.send(Ask, { depth: 6 }, new AgentId('a', 'k'))).resolves.toBe(6);
  });

  it('lets two agents that send to each other concurrently both finish instead of deadlocking', async () => {
    const runtime = new InProcessRuntime({ logger: quiet() });
    const answers: string[] = [];
    const peer = defineAgent({
      handlers: (on) => [
        // Each handler, started by the publish, holds its agent while it awaits the other agent's answer.
        on.event(Step, async (msg, ctx) => {
          await sleep(msg.ms); // both handlers are now running: each agent is busy
          const other = new AgentId(ctx.recipient.type === 'a' ? 'b' : 'a', 'k');
          answers.push(`${ctx.recipient.type} got ${await ctx.send(Ask, { depth: 0 }, other)}`);
        }),
        on.rpc(Ask, async () => {
          await sleep(1);
          return 7;
        }),
      ],
    });
    await runtime.register('a', peer);
    await runtime.register('b', peer);
    await runtime.addSubscription(new TypeSubscription('both', 'a'));
    await runtime.addSubscription(new TypeSubscription('both', 'b'));
    await runtime.publish(Step, { label: 'go', ms: 5 }, new TopicId('both', 'k'));
    const idle = runtime.waitUntilIdle().then(() => 'idle');
    await expect(Promise.race([idle, sleep(1_000).then(() => 'deadlocked')])).resolves.toBe('idle');
    expect(answers.sort()).toEqual(['a got 7', 'b got 7']);
  });

  it('still queues a send behind a busy agent that is not waiting for the sender', async () => {
    const runtime = new InProcessRuntime({ logger: quiet() });
    const log: string[] = [];
    await runtime.register(
      'worker',
      defineAgent({
        handlers: (on) => [
          on.message(Step, async (msg) => {
            log.push(`start ${msg.label}`);
            await sleep(msg.ms);
            log.push(`end ${msg.label}`);
          }),
        ],
      }),
    );
    await runtime.register(
      'caller',
      defineAgent({
        handlers: (on) => [
          on.rpc(Ask, async (_msg, ctx) => {
            await ctx.send(Step, { label: 'from caller', ms: 0 }, new AgentId('worker', 'k'));
            return 1;
          }),
        ],
      }),
    );
    const slow = runtime.send(Step, { label: 'slow', ms: 20 }, new AgentId('worker', 'k'));
    await runtime.send(Ask, { depth: 0 }, new AgentId('caller', 'k'));
    await slow;
    expect(log).toEqual(['start slow', 'end slow', 'start from caller', 'end from caller']);
  });

  it('never starts a queued message whose caller cancelled while it waited', async () => {
    const runtime = new InProcessRuntime({ logger: quiet() });
    const started: string[] = [];
    await runtime.register(
      'worker',
      defineAgent({
        handlers: (on) => [
          on.rpc(Step, async (msg) => {
            started.push(msg.label);
            await sleep(msg.ms);
          }),
        ],
      }),
    );
    const id = new AgentId('worker', 'k');
    const controller = new AbortController();
    const first = runtime.send(Step, { label: 'first', ms: 20 }, id);
    const queued = runtime.send(Step, { label: 'queued', ms: 0 }, id, { signal: controller.signal });
    controller.abort();
    await expect(queued).rejects.toBeInstanceOf(MessageCancelledError);
    await first;
    await runtime.waitUntilIdle();
    expect(started).toEqual(['first']);
  });

  it('delivers once when two subscriptions map a topic to the same agent', async () => {
    const runtime = new InProcessRuntime({ logger: quiet() });
    const seen: string[] = [];
    await runtime.register(
      'audit',
      defineAgent({ handlers: (on) => [on.event(Step, (msg) => void seen.push(msg.label))] }),
    );
    await runtime.addSubscription(new TypeSubscription('order.placed', 'audit'));
    await runtime.addSubscription(new TypePrefixSubscription('order.', 'audit'));
    await runtime.publish(Step, { label: 'once', ms: 0 }, new TopicId('order.placed', 'o-1'));
    await runtime.waitUntilIdle();
    expect(seen).toEqual(['once']);
  });

  it('logs an unhandled publish as a warning and a failing publish handler as an error, and keeps going', async () => {
    const logger = quiet();
    const runtime = new InProcessRuntime({ logger });
    await runtime.register(
      'picky',
      defineAgent({
        handlers: (on) => [
          on.event(
            Step,
            (msg) => {
              throw new Error(`bad ${msg.label}`);
            },
            { match: (msg) => msg.label !== 'ignored' },
          ),
        ],
      }),
    );
    await runtime.addSubscription(new TypeSubscription('steps', 'picky'));
    await runtime.publish(Step, { label: 'ignored', ms: 0 }, new TopicId('steps', 'k'));
    await runtime.publish(Step, { label: 'boom', ms: 0 }, new TopicId('steps', 'k'));
    await runtime.waitUntilIdle();
    expect(logger.warn).toHaveBeenCalledWith(
      'Unhandled published message',
      expect.objectContaining({ messageType: 'test.Step' }),
    );
    expect(logger.error).toHaveBeenCalledWith(
      'Handler failed on a published message',
      expect.objectContaining({ error: expect.objectContaining({ message: 'bad boom' }) }),
    );
  });

  it('carries correlation and causation from the message being handled to the messages it causes', async () => {
    const runtime = new InProcessRuntime({ logger: quiet() });
    const contexts: Array<{ id: string; correlation: string; causation: string; sender?: string }> = [];
    await runtime.register(
      'chain',
      defineAgent({
        handlers: (on) => [
          on.rpc(Ask, async (msg, ctx) => {
            contexts.push({
              id: ctx.messageId,
              correlation: ctx.correlationId,
              causation: ctx.causationId,
              sender: ctx.sender?.toString(),
            });
            return msg.depth === 0
              ? 0
              : ctx.send(Ask, { depth: msg.depth - 1 }, new AgentId('chain', `d${msg.depth}`));
          }),
        ],
      }),
    );
    await runtime.send(Ask, { depth: 1 }, new AgentId('chain', 'root'), { messageId: 'm-1' });
    expect(contexts[0]).toEqual({ id: 'm-1', correlation: 'm-1', causation: 'm-1', sender: undefined });
    expect(contexts[1]).toMatchObject({ correlation: 'm-1', causation: 'm-1', sender: 'chain/root' });
  });
});
