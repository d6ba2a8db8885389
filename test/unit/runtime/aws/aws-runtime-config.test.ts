import { describe, expect, it } from 'vitest';
import { ENV } from '../../../../lambdas/contracts/env-names.js';
import {
  awsRuntimeConfigFromEnv,
  DEFAULT_SEND_TIMEOUT_MS,
} from '../../../../lambdas/runtime/aws/aws-runtime-config.js';
import { AwsRuntimeConfigError } from '../../../../lambdas/runtime/aws/aws-runtime-error.js';

const env = (values: Record<string, string>): NodeJS.ProcessEnv => ({ [ENV.eventBusName]: 'bus', ...values });

describe('awsRuntimeConfigFromEnv', () => {
  it('reads the bus, the agent-function map and the send timeout set by the infrastructure', () => {
    const config = awsRuntimeConfigFromEnv(
      env({
        [ENV.agentType]: 'payment',
        [ENV.agentFunctions]: JSON.stringify({
          payment: 'payment-fn',
          'order.saga-step_1': 'arn:aws:lambda:eu-west-1:1:function:s',
        }),
        [ENV.sendTimeoutMs]: '2500',
      }),
    );
    expect(config).toMatchObject({
      eventBusName: 'bus',
      source: 'agentbridge.payment',
      sendTimeoutMs: 2_500,
    });
    expect([...config.agentFunctions]).toEqual([
      ['payment', 'payment-fn'],
      ['order.saga-step_1', 'arn:aws:lambda:eu-west-1:1:function:s'],
    ]);
  });

  it('defaults the send timeout and an empty function map, and prefers an explicit source', () => {
    const config = awsRuntimeConfigFromEnv(env({ [ENV.eventSource]: 'com.example' }));
    expect(config).toMatchObject({ source: 'com.example', sendTimeoutMs: DEFAULT_SEND_TIMEOUT_MS });
    expect(config.agentFunctions.size).toBe(0);
  });

  it.each([
    [{ [ENV.agentType]: 'a', [ENV.agentFunctions]: '{not json' }, ENV.agentFunctions],
    [{ [ENV.agentType]: 'a', [ENV.agentFunctions]: '["a"]' }, ENV.agentFunctions],
    [{ [ENV.agentType]: 'a', [ENV.agentFunctions]: '{"a b":"fn"}' }, ENV.agentFunctions],
    [{ [ENV.agentType]: 'a', [ENV.sendTimeoutMs]: 'soon' }, ENV.sendTimeoutMs],
    [{}, ENV.eventSource],
  ])('fails at cold start naming the bad variable (%j)', (values, variable) => {
    let failure: unknown;
    try {
      awsRuntimeConfigFromEnv(env(values));
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AwsRuntimeConfigError);
    expect(failure).toMatchObject({ variable });
  });

  it('requires the bus name', () => {
    expect(() => awsRuntimeConfigFromEnv({ [ENV.agentType]: 'a' })).toThrow(ENV.eventBusName);
  });
});
