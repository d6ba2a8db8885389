import { Tracer } from '@aws-lambda-powertools/tracer';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agentFunctionWiring } from '../../../lambdas/handlers/agent-function-wiring.js';
import { clientOf } from '../../../lambdas/runtime/aws/client-source.js';
import { agentFunctionEnvironment } from '../../support/deployed-handler-environment.js';

const env = agentFunctionEnvironment('payment');

/** The SDK clients the wiring has handed to the tracer so far, by class name: every client it built. */
const tracedClients = (spy: { mock: { calls: unknown[][] } }): string[] =>
  spy.mock.calls.map(([client]) => (client as object).constructor.name);

afterEach(() => vi.restoreAllMocks());

describe('agentFunctionWiring clients', () => {
  it('builds at cold start only the clients most invocations use: DynamoDB and EventBridge', () => {
    const capture = vi.spyOn(Tracer.prototype, 'captureAWSv3Client');
    agentFunctionWiring('payment', env);
    expect(tracedClients(capture).sort()).toEqual(['DynamoDBClient', 'EventBridgeClient']);
  });

  it('builds the SQS client with the first dead letter, once', async () => {
    const capture = vi.spyOn(Tracer.prototype, 'captureAWSv3Client');
    const { deps } = agentFunctionWiring('payment', env);
    const record = {
      kind: 'agentbridge.bad-input',
      reason: 'invalid-json',
      code: 'INVALID_JSON',
      message: 'not JSON',
      agentType: 'payment',
      inputKind: 'unknown',
      recordedAt: '2026-12-01T23:00:00.000Z',
    } as const;
    const sqs = mockClient(SQSClient);
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
    await deps.deadLetters.record(record);
    await deps.deadLetters.record(record);
    expect(tracedClients(capture).filter((name) => name === 'SQSClient')).toHaveLength(1);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(2);
    sqs.restore();
  });
});

describe('clientOf', () => {
  it('calls a factory on the first use only and hands out the same client after', () => {
    const factory = vi.fn(() => ({ id: 1 }));
    const client = clientOf(factory);
    expect(factory).not.toHaveBeenCalled();
    expect(client()).toBe(client());
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it('hands out a client given as such', () => {
    const given = { id: 2 };
    expect(clientOf(given)()).toBe(given);
  });
});
