import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { defineMessage } from '../../../lambdas/contracts/message-type.js';
import type { Agent } from '../../../lambdas/runtime/agent.js';
import { AgentId } from '../../../lambdas/runtime/agent-id.js';
import { InProcessRuntime } from '../../../lambdas/runtime/in-process-runtime.js';
import type { MessageContext } from '../../../lambdas/runtime/message-context.js';
import { TopicId } from '../../../lambdas/runtime/topic-id.js';
import { TypeSubscription } from '../../../lambdas/runtime/type-subscription.js';

const Note = defineMessage('test.Note', z.object({ text: z.string() }));

/** An agent instance that records what reaches it, as `key@topicType:text`. */
const recordingInstance = (id: AgentId, seen: string[]): Agent => ({
  id,
  onMessage: (message: unknown, ctx: MessageContext) => {
    seen.push(`${id.key}@${ctx.topic?.type}:${(message as { text: string }).text}`);
  },
});

describe('in-process runtime: the agent base', () => {
  it('subscribes a registered instance to its key as a topic type and to its type’s direct prefix', async () => {
    const runtime = new InProcessRuntime({ logger: { warn: vi.fn(), error: vi.fn() } });
    const seen: string[] = [];
    await runtime.registerInstance(recordingInstance(new AgentId('critic', 'alice'), seen));
    await runtime.registerInstance(recordingInstance(new AgentId('critic', 'bob'), seen));
    await runtime.publish(Note, { text: 'by key' }, new TopicId('alice', 'alice'));
    await runtime.publish(Note, { text: 'direct' }, new TopicId('critic:review', 'bob'));
    await runtime.waitUntilIdle();
    expect(seen).toEqual(['alice@alice:by key', 'bob@critic:review:direct']);
  });

  it('registers an instance whose key cannot be a topic type without a key subscription', async () => {
    const runtime = new InProcessRuntime({ logger: { warn: vi.fn(), error: vi.fn() } });
    const seen: string[] = [];
    await expect(
      runtime.registerInstance(recordingInstance(new AgentId('critic', 'eu/42'), seen), {
        skipDirectMessageSubscription: true,
      }),
    ).resolves.toEqual(new AgentId('critic', 'eu/42'));
    await runtime.publish(Note, { text: 'direct' }, new TopicId('critic:review', 'eu/42'));
    await runtime.waitUntilIdle();
    expect(seen).toEqual([]);
  });

  it('logs a factory that throws on a publish as that agent failing to construct, not as an unknown type', async () => {
    const logger = { warn: vi.fn(), error: vi.fn() };
    const runtime = new InProcessRuntime({ logger });
    await runtime.register('broken', () => {
      throw new Error('no credentials');
    });
    await runtime.addSubscription(new TypeSubscription('jobs', 'broken'));
    await runtime.publish(Note, { text: 'x' }, new TopicId('jobs', 'k'));
    await runtime.waitUntilIdle();
    expect(logger.warn).not.toHaveBeenCalled();
    expect(logger.error).toHaveBeenCalledWith(
      'Agent could not be constructed',
      expect.objectContaining({
        recipient: 'broken/k',
        messageType: 'test.Note',
        error: expect.objectContaining({
          code: 'AGENT_CONSTRUCTION_FAILED',
          cause: expect.objectContaining({ message: 'no credentials' }),
        }),
      }),
    );
  });

  it('rejects a send whose recipient’s factory throws with the construction failure', async () => {
    const runtime = new InProcessRuntime({ logger: { warn: vi.fn(), error: vi.fn() } });
    await runtime.register('broken', () => {
      throw new Error('no credentials');
    });
    await expect(runtime.send(Note, { text: 'x' }, new AgentId('broken', 'k'))).rejects.toMatchObject({
      code: 'AGENT_CONSTRUCTION_FAILED',
      agentId: 'broken/k',
    });
  });
});
