import { describe, expect, it } from 'vitest';
import { sagaStartRecordId } from '../../../../lambdas/agents/saga-starter/saga-start-record.js';
import { sagaStarterAgent } from '../../../../lambdas/agents/saga-starter/saga-starter-agent.js';
import { ExecutionStartUnavailableError } from '../../../../lambdas/agents/saga-starter/saga-starter-error.js';
import { OrderRequested } from '../../../../lambdas/contracts/order/order-messages.js';
import { InMemoryAgentStateStore } from '../../../../lambdas/stores/agent-state/in-memory/in-memory-agent-state-store.js';
import { ExpressStarter, order, startSagaStarter } from './saga-starter-fixture.js';

const input = { ...OrderRequested.schema.parse(order), sagaId: 'saga-1' };

describe('saga starter agent', () => {
  it('starts the order saga named after the order id, with the order and a new saga id as input', async () => {
    const { starter, records, deliver } = await startSagaStarter();
    await deliver();
    expect(starter.started).toEqual([{ name: 'o-1', input }]);
    expect((await records.get(sagaStartRecordId('o-1')))?.state).toMatchObject({
      status: 'started',
      sagaId: 'saga-1',
      executionArn: 'arn:express:o-1:1',
    });
  });

  it('hears a bare OrderRequested from another service on its detail-type topic', async () => {
    const { starter, deliver } = await startSagaStarter();
    await deliver(order, OrderRequested.name);
    expect(starter.started.map(({ name }) => name)).toEqual(['o-1']);
  });

  it('starts nothing on a redelivery of a started order, though the machine does not de-duplicate names', async () => {
    const { starter, errors, warnings, deliver } = await startSagaStarter();
    await deliver();
    await deliver();
    expect(starter.started).toHaveLength(1);
    expect(errors).toEqual([]);
    expect(warnings).toEqual(['The order saga of this order was started already: nothing to do']);
  });

  it('starts nothing for a different OrderRequested with the same order id: the first one is the order', async () => {
    const { starter, deliver } = await startSagaStarter();
    await deliver();
    await deliver({ ...order, items: [{ sku: 'B', quantity: 9, unitPrice: 1 }] });
    expect(starter.started).toEqual([{ name: 'o-1', input }]);
  });

  it('starts once for two deliveries at the same moment: the loser of the conditional create returns', async () => {
    const { starter, records, deliver } = await startSagaStarter();
    await Promise.all([deliver(), deliver()]);
    expect(starter.started).toEqual([{ name: 'o-1', input }]);
    expect((await records.get(sagaStartRecordId('o-1')))?.version).toBe(2);
  });

  it('keeps orders apart: each order id gets its own saga id', async () => {
    const { starter, deliver } = await startSagaStarter();
    await deliver();
    await deliver({ ...order, orderId: 'o-2' });
    expect(starter.started.map(({ name, input }) => [name, (input as { sagaId: string }).sagaId])).toEqual([
      ['o-1', 'saga-1'],
      ['o-2', 'saga-2'],
    ]);
  });

  it('lets a throttled start escape, so the event is redelivered; the redelivery starts it', async () => {
    const { starter, errors, deliver } = await startSagaStarter();
    const throttled = new ExecutionStartUnavailableError('o-1', { cause: new Error('throttled') });
    starter.failNext = throttled;
    await deliver();
    expect(errors).toEqual([throttled]);
    expect(starter.started).toEqual([]);
    await deliver();
    expect(starter.started).toEqual([{ name: 'o-1', input }]);
  });

  it('handles OrderRequested as an event only (nothing to send it)', () => {
    const definition = sagaStarterAgent(new ExpressStarter(), { records: new InMemoryAgentStateStore() });
    expect([...definition.routes.keys()]).toEqual([OrderRequested.name]);
    expect(definition.routes.get(OrderRequested.name)?.map(({ kind }) => kind)).toEqual(['event']);
  });
});
