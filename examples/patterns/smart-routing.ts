import { SmartRouter } from 'agentbridge/patterns';
import { InMemoryRoutingHistory } from 'agentbridge/stores';

const router = new SmartRouter<{ service: string }, string>({
  name: 'responders',
  history: new InMemoryRoutingHistory(), // DynamoDbRoutingHistory on Lambda: shared by every container
  candidates: () => ['db-team', 'sre'],
  features: (request) => ({ service: request.payload.service }),
  send: async (team) => {
    if (team === 'db-team') throw new Error('db-team is off shift');
    return `${team} acknowledged`;
  },
});
const first = await router.route({ type: 'outage', payload: { service: 'checkout' } });
console.log(first.candidate, first.fallback, first.result);
const next = await router.route({ type: 'outage', payload: { service: 'checkout' } });
console.log(next.candidate, next.fallback, next.ranking.map((one) => one.score.toFixed(2)).join(' > '));
