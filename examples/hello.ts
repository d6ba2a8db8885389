import * as z from 'zod';
import { defineMessage } from '../lambdas/contracts/message-type.js';
import { defineAgent } from '../lambdas/runtime/agent-definition.js';
import { AgentId } from '../lambdas/runtime/agent-id.js';
import { InProcessRuntime } from '../lambdas/runtime/in-process-runtime.js';
import { TopicId } from '../lambdas/runtime/topic-id.js';
import { TypeSubscription } from '../lambdas/runtime/type-subscription.js';

const Greet = defineMessage('Greet', z.object({ name: z.string() }), { response: z.string() });
const Greeter = defineAgent({
  state: () => ({ greeted: 0 }),
  handlers: (on) => [
    on.rpc(Greet, (msg, ctx) => `Hello ${msg.name} (#${++ctx.state.greeted})`),
    on.event(Greet, (msg, ctx) => console.log(`${ctx.recipient} heard ${msg.name}`)),
  ],
});

const runtime = new InProcessRuntime();
await runtime.register('greeter', Greeter);
await runtime.addSubscription(new TypeSubscription('greetings', 'greeter'));
console.log(await runtime.send(Greet, { name: 'Ada' }, new AgentId('greeter', 'eu')));
await runtime.publish(Greet, { name: 'Bob' }, new TopicId('greetings', 'us'));
await runtime.waitUntilIdle();
