import {
  AgentId,
  defineAgent,
  defineMessage,
  InProcessRuntime,
  TopicId,
  TypeSubscription,
} from 'agentbridge';
import * as z from 'zod';

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
