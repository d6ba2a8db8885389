import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { MessageRegistry, UnknownMessageTypeError } from '../../../../lambdas/contracts/message-registry.js';
import { defineMessage, type MessageType } from '../../../../lambdas/contracts/message-type.js';
import { inProcessOutboxPort } from '../../../../lambdas/patterns/outbox/in-process-outbox-port.js';
import { defineAgent } from '../../../../lambdas/runtime/agent-definition.js';
import { InvalidOutgoingEnvelopeError } from '../../../../lambdas/runtime/aws/aws-runtime-error.js';
import { InProcessRuntime } from '../../../../lambdas/runtime/in-process-runtime.js';
import type { MessageContext } from '../../../../lambdas/runtime/message-context.js';
import { TypeSubscription } from '../../../../lambdas/runtime/type-subscription.js';

const UserCreated = defineMessage('UserCreated', z.object({ userId: z.string() }));

const metadata = {
  id: 'msg-7',
  eventId: 'evt-7',
  streamId: 'user-1',
  version: 2,
  correlationId: 'req-1',
  causationId: 'cmd-1',
  time: '2026-01-02T03:04:05.678Z',
};

/** A runtime with one agent type subscribed to domain.UserCreated, recording what it received. */
const subscribed = async () => {
  const runtime = new InProcessRuntime({ logger: { warn() {}, error() {} } });
  const received: Array<{ message: unknown; ctx: MessageContext }> = [];
  await runtime.register(
    'users',
    defineAgent({
      description: 'records user events',
      handlers: (on) => [on.event(UserCreated, (message, ctx) => void received.push({ message, ctx }))],
    }),
  );
  await runtime.addSubscription(new TypeSubscription('domain.UserCreated', 'users'));
  return {
    runtime,
    received,
    port: inProcessOutboxPort(
      runtime,
      new MessageRegistry([UserCreated as MessageType<string, never, unknown>]),
    ),
  };
};

describe('inProcessOutboxPort', () => {
  it('publishes on domain.<type> keyed by stream, with the outbox message id and no sender', async () => {
    const { runtime, received, port } = await subscribed();
    expect(await port.publish([{ eventType: 'UserCreated', data: { userId: 'u-1' }, metadata }])).toEqual(
      new Map(),
    );
    await runtime.waitUntilIdle();
    expect(received).toHaveLength(1);
    const [{ message, ctx } = { message: undefined, ctx: undefined }] = received;
    expect(message).toEqual({ userId: 'u-1' });
    expect(ctx).toMatchObject({
      messageType: 'UserCreated',
      messageId: 'msg-7',
      correlationId: 'req-1',
      causationId: 'cmd-1',
      sender: undefined,
      isRpc: false,
    });
    expect(ctx?.topic?.toString()).toBe('domain.UserCreated/user-1');
    expect(ctx?.recipient.toString()).toBe('users/user-1');
  });

  it('reports an event type it has no message type for, and publishes the other entries', async () => {
    const { runtime, received, port } = await subscribed();
    const failures = await port.publish([
      { eventType: 'UserRenamed', data: {}, metadata },
      { eventType: 'UserCreated', data: { userId: 'u-2' }, metadata: { ...metadata, streamId: 'user-2' } },
    ]);
    expect([...failures.keys()]).toEqual([0]);
    expect(failures.get(0)).toBeInstanceOf(UnknownMessageTypeError);
    await runtime.waitUntilIdle();
    expect(received.map((entry) => entry.message)).toEqual([{ userId: 'u-2' }]);
  });

  it('reports metadata the AWS wire check would reject, publishing nothing', async () => {
    const { runtime, received, port } = await subscribed();
    const failures = await port.publish([
      { eventType: 'UserCreated', data: { userId: 'u-1' }, metadata: { ...metadata, time: 'yesterday' } },
    ]);
    expect(failures.get(0)).toBeInstanceOf(InvalidOutgoingEnvelopeError);
    await runtime.waitUntilIdle();
    expect(received).toEqual([]);
  });
});
