/**
 * The desk's assistant on the local cloud (synthesized with `opsdesk:model=scripted`: it plays the example's
 * script, no model call leaves the machine), through AWS APIs: an AskAssistant request invokes the assistant's
 * function, which looks the fleet up or asks the runbook agent's function as a tool, and keeps the conversation.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type OpsDesk, openOpsDesk, type SendAnswer, sendRequestOf } from '../../support/ops-desk-cloud.js';

/** A `send` of AskAssistant to `assistant/<operator>`, as an operator's tool invokes the function. */
const askAssistant = (operator: string, question: string) =>
  sendRequestOf('assistant', operator, 'AskAssistant', { question });

type AskResponse = SendAnswer<{
  answer: string;
  toolCalls: { name: string; isError: boolean }[];
  modelCalls: number;
  contextMessages: number;
}>;

describe('the desk’s assistant, deployed', () => {
  let desk: OpsDesk;
  let fleetTable: string;

  beforeAll(async () => {
    desk = await openOpsDesk(inject('dynamodbEndpoint'));
    fleetTable = (await desk.environmentOf('assistant')).FLEET_TABLE_NAME ?? '';
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
  });

  it('restarts a service by asking the runbook agent, then answers a follow-up on its status in the same conversation', async () => {
    const service = `search-${randomUUID().slice(0, 8)}`;
    const operator = `ada-${randomUUID().slice(0, 8)}`;
    await desk.clients.documentClient.send(
      new PutCommand({
        TableName: fleetTable,
        Item: {
          service,
          instances: 2,
          maxInstances: 6,
          drained: false,
          restarts: 0,
          warmupChecks: 0,
          pendingChecks: 0,
        },
      }),
    );
    const restart = await desk.invoke<AskResponse>('assistant', askAssistant(operator, `restart ${service}`));
    expect(restart).toMatchObject({
      ok: true,
      result: {
        answer: expect.stringContaining('Ran restart-service: 4 of 4 steps succeeded'),
        toolCalls: [{ name: 'run_runbook', isError: false }],
        modelCalls: 2,
        contextMessages: 4,
      },
    });
    const entry = await desk.clients.documentClient.send(
      new GetCommand({ TableName: fleetTable, Key: { service }, ConsistentRead: true }),
    );
    expect(entry.Item).toMatchObject({ restarts: 1, drained: false });

    const status = await desk.invoke<AskResponse>(
      'assistant',
      askAssistant(operator, `status of ${service}?`),
    );
    expect(status.result).toMatchObject({
      answer: `${service} runs 2 of 6 instances, taking traffic, restarted 1 times.`,
      toolCalls: [{ name: 'service_status', isError: false }],
      contextMessages: 8,
    });
  });

  it('answers a redelivered question from its record, running the runbook once', async () => {
    const service = `cart-${randomUUID().slice(0, 8)}`;
    await desk.clients.documentClient.send(
      new PutCommand({
        TableName: fleetTable,
        Item: {
          service,
          instances: 1,
          maxInstances: 2,
          drained: false,
          restarts: 0,
          warmupChecks: 0,
          pendingChecks: 0,
        },
      }),
    );
    const request = askAssistant(`bo-${randomUUID().slice(0, 8)}`, `restart ${service}`);
    const first = await desk.invoke<AskResponse>('assistant', request);
    const again = await desk.invoke<AskResponse>('assistant', request);
    expect(again).toEqual(first);
    const entry = await desk.clients.documentClient.send(
      new GetCommand({ TableName: fleetTable, Key: { service }, ConsistentRead: true }),
    );
    expect(entry.Item?.restarts).toBe(1);
  });
});
