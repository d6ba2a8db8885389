// A project of its own, installed next to the packed agentbridge: plain Node.js, no tsx, no repository paths.
// It lists every entry point's exports, synthesizes a one-agent stack and runs one in-process `send`,
// then prints one JSON line for the test to read.
import { writeFileSync } from 'node:fs';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import * as z from 'zod';

const SUBPATHS = ['', '/lambda', '/aws', '/stores', '/patterns', '/cdk', '/local', '/testing'];
const entries = {};
for (const subpath of SUBPATHS) {
  entries[`agentbridge${subpath}`] = Object.keys(await import(`agentbridge${subpath}`)).sort();
}

const {
  AgentId,
  declareAgent,
  defineAgent,
  defineMessage,
  InProcessRuntime,
  registerAgent,
  TypeSubscription,
} = await import('agentbridge');
const { AgentBridge } = await import('agentbridge/cdk');

const Greet = defineMessage('Greet', z.object({ name: z.string() }), { response: z.string() });
// One declaration, read by the in-process runtime and by the construct alike.
const GREETER_AGENT = declareAgent({
  agentType: 'greeter',
  subscriptions: [new TypeSubscription('greetings', 'greeter')],
  publishes: true,
  define: ({ greeting }) =>
    defineAgent({ handlers: (on) => [on.rpc(Greet, (msg) => `${greeting} ${msg.name}`)] }),
});
const runtime = new InProcessRuntime();
await registerAgent(runtime, GREETER_AGENT, { greeting: 'Hello' });
const reply = await runtime.send(Greet, { name: 'Ada' }, new AgentId('greeter', 'default'));

// The handler file only has to exist: bundling is skipped, so nothing here needs esbuild or Docker.
writeFileSync('greeter-handler.mjs', "export { handler } from './greeter-function.mjs';\n");
const app = new App({ outdir: 'cdk.out', context: { 'aws:cdk:bundling-stacks': [] } });
// cdk-nag as the repository runs it: an unacknowledged AwsSolutions finding makes synth throw.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
const stack = new Stack(app, 'Greetings', { env: { account: '111111111111', region: 'eu-west-1' } });
const bridge = new AgentBridge(stack, 'Greetings', { namePrefix: 'greetings' });
bridge.addAgent(GREETER_AGENT, { entry: `${process.cwd()}/greeter-handler.mjs` });
const template = app.synth().getStackByName('Greetings').template;
const resources = Object.values(template.Resources);
const ofType = (type) => resources.filter((resource) => resource.Type === type);

console.log(
  JSON.stringify({
    entries,
    reply,
    functions: ofType('AWS::Lambda::Function').map((fn) => fn.Properties.FunctionName),
    rules: ofType('AWS::Events::Rule').map((rule) => rule.Properties.EventPattern),
    queues: ofType('AWS::SQS::Queue').length,
  }),
);
