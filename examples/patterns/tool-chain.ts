import { type ChainContext, defineTool, defineToolChain, ToolChains } from 'agentbridge/patterns';
import * as z from 'zod';

const N = z.object({ n: z.number() });
const tool = (name: string, f: (n: number) => number) =>
  defineTool({ name, description: `${name} n`, input: N, output: N, run: ({ n }) => ({ n: f(n) }) });
const [double, inc] = [tool('double', (n) => n * 2), tool('inc', (n) => n + 1)];
const big = ({ input }: ChainContext) => N.parse(input).n > 9;
const chains = new ToolChains([
  defineToolChain({ name: 'in-turn', strategy: 'sequential', steps: [{ tool: double }, { tool: inc }] }),
  defineToolChain({ name: 'at-once', strategy: 'parallel', steps: [{ tool: double }, { tool: inc }] }),
  defineToolChain({ name: 'if-big', strategy: 'conditional', steps: [{ tool: double, when: big }] }),
]);
for (const name of chains.names) {
  const r = await chains.run(name, { n: 5 });
  console.log(name, r.ok ? r.output : r.failure.code, r.steps.map((step) => step.status).join());
}
await chains.run('triple', { n: 1 }).catch((error: Error) => console.log(error.message));
