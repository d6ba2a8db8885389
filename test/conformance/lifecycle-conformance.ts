import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { defineAgent } from '../../lambdas/runtime/agent-definition.js';
import { AgentId } from '../../lambdas/runtime/agent-id.js';
import { MessageCancelledError, UnknownAgentTypeError } from '../../lambdas/runtime/runtime-error.js';
import { TopicId } from '../../lambdas/runtime/topic-id.js';
import { TypeSubscription } from '../../lambdas/runtime/type-subscription.js';
import { Count, Fail, Ping, Round, Slow } from './conformance-messages.js';
import { DomainFailureError } from './domain-failure.js';
import type { RuntimeHarness } from './runtime-harness.js';

/** Behaviours 10–14 of the runtime contract: errors, unknown recipients, cascades, cancellation, state. */
export function describeLifecycleConformance(create: () => Promise<RuntimeHarness>): void {
  let harness: RuntimeHarness;

  beforeEach(async () => {
    harness = await create();
  });
  afterEach(() => harness.dispose());

  it("10. a handler's typed error reaches the sender with name and code, and the runtime keeps working", async () => {
    await harness.runtime.register(
      'failing',
      defineAgent({
        handlers: (on) => [
          on.rpc(Fail, (msg) => {
            throw new DomainFailureError(msg.code);
          }),
          on.rpc(Ping, (msg) => ({ reply: msg.text })),
        ],
      }),
    );
    const id = new AgentId('failing', 'k');
    await expect(harness.runtime.send(Fail, { code: 'OUT_OF_STOCK' }, id)).rejects.toMatchObject({
      name: 'DomainFailureError',
      code: 'OUT_OF_STOCK',
      message: 'domain failure OUT_OF_STOCK',
    });
    await expect(harness.runtime.send(Ping, { text: 'still up' }, id)).resolves.toEqual({
      reply: 'still up',
    });
  });

  it('11. a send to an unregistered agent type fails at once with a clear error', async () => {
    const started = Date.now();
    const failure = harness.runtime.send(Ping, { text: 'x' }, new AgentId('nobody', 'k'));
    await expect(failure).rejects.toBeInstanceOf(UnknownAgentTypeError);
    await expect(failure).rejects.toThrow(/nobody/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('12. a cascade of republishing agents runs to round 5, and idle waits for all of it', async () => {
    const rounds: number[] = [];
    await harness.runtime.register(
      'relay',
      defineAgent({
        handlers: (on) => [
          on.event(Round, async (msg, ctx) => {
            rounds.push(msg.round);
            await sleep(1);
            if (msg.round < 5)
              await ctx.publish(Round, { round: msg.round + 1 }, new TopicId('rounds', `r${msg.round + 1}`));
          }),
        ],
      }),
    );
    await harness.runtime.addSubscription(new TypeSubscription('rounds', 'relay'));
    await harness.runtime.publish(Round, { round: 1 }, new TopicId('rounds', 'first'));
    await harness.idle();
    expect(rounds).toEqual([1, 2, 3, 4, 5]);
  });

  it('13. cancelling a send rejects the caller, and a handler passing the signal on is cancelled', async () => {
    let handlerOutcome: Promise<string> | undefined;
    let signalStarted: () => void = () => undefined;
    const handlerStarted = new Promise<void>((resolve) => {
      signalStarted = resolve;
    });
    await harness.runtime.register(
      'slow',
      defineAgent({
        handlers: (on) => [
          on.rpc(Slow, (msg, ctx) => {
            handlerOutcome = sleep(msg.ms, 'finished', { signal: ctx.signal }).catch(
              (error: Error) => error.name,
            );
            signalStarted();
            return handlerOutcome.then(() => null);
          }),
        ],
      }),
    );
    const controller = new AbortController();
    const ms = harness.cancellation === 'propagated' ? 10_000 : 400;
    const reply = harness.runtime.send(Slow, { ms }, new AgentId('slow', 'k'), { signal: controller.signal });
    // Abort once the handler runs (however long the delivery took to start), never on a guessed delay.
    await handlerStarted;
    controller.abort();
    await expect(reply).rejects.toBeInstanceOf(MessageCancelledError);
    await expect(handlerOutcome).resolves.toBe(
      harness.cancellation === 'propagated' ? 'AbortError' : 'finished',
    );
    const late = new AbortController();
    late.abort();
    await expect(
      harness.runtime.send(Slow, { ms: 1 }, new AgentId('slow', 'k'), { signal: late.signal }),
    ).rejects.toBeInstanceOf(MessageCancelledError);
  });

  it('14. saved state restores into a fresh runtime; unknown agent types are skipped', async () => {
    const counter = defineAgent({
      state: () => ({ total: 0 }),
      handlers: (on) => [
        on.rpc(Count, (msg, ctx) => {
          ctx.state.total += msg.by;
          return { total: ctx.state.total };
        }),
      ],
    });
    await harness.runtime.register('counter', counter);
    await harness.runtime.send(Count, { by: 2 }, new AgentId('counter', 'a'));
    await harness.runtime.send(Count, { by: 5 }, new AgentId('counter', 'b'));
    const saved = await harness.runtime.saveState();
    expect(saved).toEqual({ 'counter/a': { total: 2 }, 'counter/b': { total: 5 } });

    const fresh = await create();
    try {
      await fresh.runtime.register('counter', counter);
      await fresh.runtime.loadState({ ...saved, 'ghost/x': { total: 99 } });
      await expect(fresh.runtime.send(Count, { by: 1 }, new AgentId('counter', 'b'))).resolves.toEqual({
        total: 6,
      });
      expect(await fresh.instantiated()).not.toContain('ghost/x');
    } finally {
      await fresh.dispose();
    }
  });
}
