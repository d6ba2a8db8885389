import { describe, expect, it } from 'vitest';
import { ENV } from '../../lambdas/contracts/env-names.js';
import { LIFECYCLE_AGENT_TYPE } from '../../lambdas/contracts/order/lifecycle-tasks.js';
import { ORDER_AGENT_TYPES } from '../../lambdas/contracts/order/order-agent-types.js';
import { TRACE_CAPTURE } from '../../lib/trace-capture.js';
import { CATALOG_AGENTS } from './support/catalog-agents.js';
import { synthAgentbridge } from './support/synth-agentbridge.js';

const { template } = synthAgentbridge();
const functions = Object.values(
  template.findResources('AWS::Lambda::Function') as Record<
    string,
    { Properties: { Environment?: { Variables?: Record<string, unknown> } } }
  >,
).map((resource) => resource.Properties.Environment?.Variables ?? {});

/** Functions whose responses hold personal data or secrets (user and order views, messages, task tokens). */
const PERSONAL_RESPONSES = [
  ORDER_AGENT_TYPES.users,
  ORDER_AGENT_TYPES.orders,
  ORDER_AGENT_TYPES.payment,
  ORDER_AGENT_TYPES.notification,
  LIFECYCLE_AGENT_TYPE,
];

describe('what the tracer may capture', () => {
  it('sets response and error capture explicitly on every function, as decided for its type', () => {
    expect(functions).toHaveLength(CATALOG_AGENTS.length);
    const deployed = Object.fromEntries(
      functions.map((env) => [
        String(env[ENV.agentType]),
        { response: env.POWERTOOLS_TRACER_CAPTURE_RESPONSE, error: env.POWERTOOLS_TRACER_CAPTURE_ERROR },
      ]),
    );
    const decided = Object.fromEntries(
      CATALOG_AGENTS.map(({ agentType }) => {
        const capture = TRACE_CAPTURE[agentType];
        return [agentType, { response: String(capture?.response), error: String(capture?.error) }];
      }),
    );
    expect(deployed).toEqual(decided);
  });

  it('never captures the responses of functions that handle personal data or task tokens', () => {
    for (const agentType of PERSONAL_RESPONSES) {
      const env = functions.find((variables) => variables[ENV.agentType] === agentType);
      expect(env?.POWERTOOLS_TRACER_CAPTURE_RESPONSE, agentType).toBe('false');
    }
    const users = functions.find((variables) => variables[ENV.agentType] === ORDER_AGENT_TYPES.users);
    expect(users?.POWERTOOLS_TRACER_CAPTURE_ERROR).toBe('false');
  });
});
