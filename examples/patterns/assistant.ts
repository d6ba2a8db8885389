import { defineTool, lastToolResults, runAssistantTurn, ScriptedModelClient } from 'agentbridge/patterns';
import * as z from 'zod';

const status = defineTool({
  name: 'service_status',
  description: 'Reports how many instances of a service run',
  input: z.object({ service: z.string() }),
  output: z.object({ instances: z.number() }),
  run: ({ service }) => ({ instances: service.length }),
});
const calls = ['service_status', 'reboot'].map((name) => ({ name, input: { service: 'checkout' } }));
const model = new ScriptedModelClient([
  { toolCalls: calls },
  (request) => ({ text: `Results: ${JSON.stringify(lastToolResults(request))}` }),
]);
const turn = await runAssistantTurn([], 'How is checkout?', { model, tools: [status] });
console.log(turn.text, turn.modelCalls);
