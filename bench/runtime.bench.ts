import * as z from 'zod';
import { defineMessage } from '../lambdas/contracts/message-type.js';
import { defineAgent } from '../lambdas/runtime/agent-definition.js';
import { AgentId } from '../lambdas/runtime/agent-id.js';
import { InProcessRuntime } from '../lambdas/runtime/in-process-runtime.js';
import { TopicId } from '../lambdas/runtime/topic-id.js';
import { TypeSubscription } from '../lambdas/runtime/type-subscription.js';
import type { Bench } from './bench.js';
import { opsPerSecond } from './measure.js';

const Echo = defineMessage('bench.Echo', z.object({ n: z.number() }), {
  response: z.object({ n: z.number() }),
});
const Tick = defineMessage('bench.Tick', z.object({ n: z.number() }));

/** The handler body every variant runs, so the runtime's own cost is what differs. */
const echo = (msg: { n: number }): { n: number } => ({ n: msg.n + 1 });
const BATCH = 1_000;

async function sendRoundTrips(): Promise<number> {
  const runtime = new InProcessRuntime();
  await runtime.register('echo', defineAgent({ handlers: (on) => [on.rpc(Echo, echo)] }));
  const target = new AgentId('echo', 'bench');
  return opsPerSecond(async () => {
    for (let i = 0; i < BATCH; i++) await runtime.send(Echo, { n: i }, target);
    return BATCH;
  });
}

async function bareCalls(): Promise<number> {
  const handler = async (msg: { n: number }): Promise<{ n: number }> => echo(msg);
  return opsPerSecond(async () => {
    for (let i = 0; i < BATCH; i++) await handler({ n: i });
    return BATCH;
  });
}

async function publishToTen(): Promise<number> {
  const runtime = new InProcessRuntime();
  let delivered = 0;
  const counter = defineAgent({ handlers: (on) => [on.event(Tick, () => void delivered++)] });
  for (let i = 0; i < 10; i++) {
    await runtime.register(`sub${i}`, counter);
    await runtime.addSubscription(new TypeSubscription('ticks', `sub${i}`));
  }
  const topic = new TopicId('ticks', 'bench');
  return opsPerSecond(async () => {
    const before = delivered;
    for (let i = 0; i < BATCH; i++) await runtime.publish(Tick, { n: i }, topic);
    await runtime.waitUntilIdle();
    return delivered - before;
  });
}

export const benches: Bench[] = [
  { name: 'runtime.send.roundtrips_per_s', unit: 'roundtrips/s', run: sendRoundTrips },
  { name: 'runtime.publish10.deliveries_per_s', unit: 'deliveries/s', run: publishToTen },
  { name: 'baseline.bare_call.calls_per_s', unit: 'calls/s', run: bareCalls },
];
