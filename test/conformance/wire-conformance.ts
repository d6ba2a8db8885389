import { afterEach, beforeEach, expect, it } from 'vitest';
import { defineAgent } from '../../lambdas/runtime/agent-definition.js';
import { AgentId } from '../../lambdas/runtime/agent-id.js';
import { TopicId } from '../../lambdas/runtime/topic-id.js';
import { TypeSubscription } from '../../lambdas/runtime/type-subscription.js';
import { Bag, Measured, Note, Ping } from './conformance-messages.js';
import type { RuntimeHarness } from './runtime-harness.js';

/** Behaviours 19–21 of the runtime contract: payloads and replies are checked as the wire checks them. */
export function describeWireConformance(create: () => Promise<RuntimeHarness>): void {
  let harness: RuntimeHarness;
  let ran: string[];

  beforeEach(async () => {
    ran = [];
    harness = await create();
  });
  afterEach(() => harness.dispose());

  it('19. a payload its schema refuses, on either side of the wire, fails the call and runs no handler', async () => {
    await harness.runtime.register(
      'strict',
      defineAgent({
        handlers: (on) => [
          on.rpc(Ping, (msg) => {
            ran.push(msg.text);
            return { reply: msg.text };
          }),
          on.rpc(Measured, (msg) => void ran.push(String(msg.text))),
          on.event(Note, (msg) => void ran.push(msg.text)),
        ],
      }),
    );
    await harness.runtime.addSubscription(new TypeSubscription('strict', 'strict'));
    const id = new AgentId('strict', 'k');
    const notText = { text: 7 } as unknown as { text: string };
    await expect(harness.runtime.send(Ping, notText, id)).rejects.toMatchObject({
      code: 'MESSAGE_VALIDATION',
    });
    await expect(harness.runtime.publish(Note, notText, new TopicId('strict', 'k'))).rejects.toMatchObject({
      code: 'MESSAGE_VALIDATION',
    });
    // The sender writes the transformed value (a number); the recipient's check of that output fails.
    await expect(
      harness.runtime.send(Measured, { text: 'abc' } as unknown as { text: number }, id),
    ).rejects.toMatchObject({
      code: 'MESSAGE_VALIDATION',
    });
    await harness.idle();
    expect(ran).toEqual([]);
  });

  it('20. a reply its message type refuses fails the send with REPLY_VALIDATION', async () => {
    await harness.runtime.register(
      'sloppy',
      defineAgent({
        handlers: (on) => [
          on.rpc(Ping, (msg) => {
            ran.push(msg.text);
            return (msg.text === 'good' ? { reply: 'ok' } : { answer: 42 }) as { reply: string };
          }),
        ],
      }),
    );
    const id = new AgentId('sloppy', 'k');
    await expect(harness.runtime.send(Ping, { text: 'good' }, id)).resolves.toEqual({ reply: 'ok' });
    const failure = harness.runtime.send(Ping, { text: 'bad' }, id);
    await expect(failure).rejects.toMatchObject({ name: 'ReplyValidationError', code: 'REPLY_VALIDATION' });
    await expect(failure).rejects.toThrow(/Invalid reply to conformance\.Ping: reply:/);
    expect(ran).toEqual(['good', 'bad']);
  });

  it('21. the recipient gets, and the caller gets back, what JSON keeps: copies, dates as strings, no undefined', async () => {
    const received: unknown[] = [];
    await harness.runtime.register(
      'keeper',
      defineAgent({
        handlers: (on) => [
          on.rpc(Bag, (msg) => {
            received.push(structuredClone(msg.items));
            msg.items.touched = true;
            return { items: { ...msg.items, at: new Date(Date.UTC(2026, 0, 2)) } };
          }),
        ],
      }),
    );
    const items: Record<string, unknown> = { when: new Date(0), gone: undefined, list: [1, 'two'] };
    const reply = await harness.runtime.send(Bag, { items }, new AgentId('keeper', 'k'));
    expect(received).toEqual([{ when: '1970-01-01T00:00:00.000Z', list: [1, 'two'] }]);
    expect(items).not.toHaveProperty('touched');
    expect(reply).toEqual({
      items: {
        when: '1970-01-01T00:00:00.000Z',
        list: [1, 'two'],
        touched: true,
        at: '2026-01-02T00:00:00.000Z',
      },
    });
  });
}
