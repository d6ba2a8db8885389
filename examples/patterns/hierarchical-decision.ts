import { HierarchicalDecision, operationalDecider, tacticalDecider } from 'agentbridge/patterns';

const layers = new HierarchicalDecision(
  [
    { name: 'operational', decider: operationalDecider },
    { name: 'tactical', decider: tacticalDecider },
  ],
  { thresholds: { decideAbove: 0.8, consultAbove: 0.5 } }, // the defaults
);
for (const required of [{ cpu: 2 }, { cpu: 6 }]) {
  const request = { decisionType: 'resource_allocation' as const, available: { cpu: 4 }, required };
  const { decidedBy, decision, path } = await layers.decide(request);
  const steps = path.map((step) => `${step.layer} ${step.verdict} ${step.decision?.confidence}`);
  console.log(decidedBy, JSON.stringify(decision.data), steps.join(' > '));
}
const cycle = { decisionType: 'process_optimisation' as const, steps: [{ name: 'a', dependsOn: ['a'] }] };
await layers.decide(cycle).catch((error: Error) => console.log(error.message));
