import { describe, expect, it } from 'vitest';
import { EVENT_STORE_TABLE } from '../../../lambdas/contracts/tables/event-store-table.js';
import { costTemplate } from '../../../local/cost/cost-template.js';
import { templateCostInputs } from '../../../local/cost/template-cost-inputs.js';

describe("the cost report's reading of the order system's template", () => {
  const inputs = templateCostInputs(costTemplate().template);

  it("finds both readers of the event store's stream, with their filter and batch size", () => {
    const filter = '{"eventName":["INSERT"],"dynamodb":{"NewImage":{"kind":{"S":["event"]}}}}';
    expect(inputs.streamConsumers).toEqual([
      { agentType: 'outbox', table: EVENT_STORE_TABLE.localName, filterPatterns: [filter], batchSize: 100 },
      {
        agentType: 'snapshot-writer',
        table: EVENT_STORE_TABLE.localName,
        filterPatterns: [filter],
        batchSize: 100,
      },
    ]);
  });

  it('reads each machine with the Task resources of its resolved definition', () => {
    expect(
      inputs.machines.map((machine) => [machine.name, machine.type, machine.logLevel, machine.tracing]),
    ).toEqual([
      ['AgentBridge-order-saga', 'EXPRESS', 'ERROR', true],
      ['AgentBridge-order-lifecycle', 'STANDARD', 'ERROR', true],
    ]);
    for (const machine of inputs.machines) {
      expect([...machine.taskResources.values()]).toContain('arn:aws:states:::lambda:invoke');
    }
  });
});
