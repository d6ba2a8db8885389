// Compiled by the packed-package test inside a project of its own, against the tarball's .d.ts files only:
// the entry points carry real types, so a wrong call is a compile error there.
import {
  AgentId,
  declareAgent,
  defineAgent,
  defineMessage,
  InProcessRuntime,
  registerAgent,
} from 'agentbridge';
import type { AgentBridgeProps, DeployedAgentProps } from 'agentbridge/cdk';
import type { AgentHandlerOptions } from 'agentbridge/lambda';
import { NO_STREAM } from 'agentbridge/stores';
import * as z from 'zod';

const Ping = defineMessage('Ping', z.object({ n: z.number() }), { response: z.number() });
export const recipient: AgentId = new AgentId('counter', 'default');
export const pingName: string = Ping.name;
export const expected: 'no-stream' = NO_STREAM;
export type HandlerOptions = AgentHandlerOptions<{ count: number }>;
export type Entry = DeployedAgentProps['entry'];
export const props: AgentBridgeProps = { namePrefix: 'counters' };
// @ts-expect-error An agent key is a string: the declarations reject a number.
export const wrong = new AgentId('counter', 42);

export const COUNTER_AGENT = declareAgent({
  agentType: 'counter',
  define: ({ start }: { start: number }) =>
    defineAgent({
      state: () => ({ count: start }),
      handlers: (on) => [on.rpc(Ping, (msg, ctx) => (ctx.state.count += msg.n))],
    }),
});
export const registered = registerAgent(new InProcessRuntime(), COUNTER_AGENT, { start: 1 });
// @ts-expect-error The deps are the ones the declaration's define takes.
export const wrongDeps = registerAgent(new InProcessRuntime(), COUNTER_AGENT, { begin: 1 });
