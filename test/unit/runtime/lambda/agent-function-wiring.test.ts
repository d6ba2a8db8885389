import { describe, expect, it } from 'vitest';
import { ENV } from '../../../../lambdas/contracts/env-names.js';
import { DEFAULT_ORDER_PRODUCERS } from '../../../../lambdas/contracts/order/order-producers.js';
import type { TableDefinition } from '../../../../lambdas/contracts/table-definition.js';
import { AGENT_STATE_TABLE } from '../../../../lambdas/contracts/tables/agent-state-table.js';
import { agentFunctionWiring as orderWiring } from '../../../../lambdas/handlers/agent-function-wiring.js';
import { agentFunctionWiring } from '../../../../lambdas/runtime/lambda/agent-function-wiring.js';
import { agentFunctionEnvironment } from '../../../support/deployed-handler-environment.js';

const env = agentFunctionEnvironment('triage');

const TICKETS: TableDefinition = {
  id: 'Tickets',
  envVar: 'TICKETS_TABLE_NAME',
  localName: 'tickets',
  partitionKey: { name: 'ticketId', type: 'S' },
};

describe('agentFunctionWiring (agentbridge/lambda)', () => {
  it('reads the producers AgentBridge wrote, and knows none of another system without them', () => {
    const producers = { TicketOpened: { sources: ['support.desk'], accounts: [] } };
    const configured = agentFunctionWiring('triage', {
      env: { ...env, [ENV.producers]: JSON.stringify(producers) },
    });
    expect(configured.deps.producers).toEqual(producers);
    expect(agentFunctionWiring('triage', { env }).deps.producers).toEqual({});
    expect(orderWiring('payment', env).deps.producers).toEqual(DEFAULT_ORDER_PRODUCERS);
  });

  it('names a table by its definition, and fails at cold start when the stack gave the function no such table', () => {
    const wiring = agentFunctionWiring('assignment', {
      env: { ...env, [TICKETS.envVar]: 'support-tickets' },
    });
    expect(wiring.tableName(TICKETS)).toBe('support-tickets');
    expect(() => agentFunctionWiring('assignment', { env }).tableName(TICKETS)).toThrow(
      expect.objectContaining({
        name: 'AwsRuntimeConfigError',
        message: expect.stringContaining(TICKETS.envVar),
      }),
    );
  });

  it('fails at cold start on a malformed producer directory, or without the agent-state table', () => {
    expect(() => agentFunctionWiring('triage', { env: { ...env, [ENV.producers]: '{' } })).toThrow(
      /not JSON/,
    );
    const { [AGENT_STATE_TABLE.envVar]: _unset, ...withoutState } = env;
    expect(() => agentFunctionWiring('triage', { env: withoutState })).toThrow(AGENT_STATE_TABLE.envVar);
  });
});
