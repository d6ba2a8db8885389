import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { InvokeCommand, type InvokeCommandInput, LambdaClient } from '@aws-sdk/client-lambda';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { AgentId, InProcessRuntime, registerAgent, TopicId } from 'agentbridge';
import { DeadLetterRecordSchema, ENV } from 'agentbridge/lambda';
import { DynamoDbItemStore, InMemoryItemStore } from 'agentbridge/stores';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  ASSIGNMENT_AGENT,
  Assignment,
  type Assignment as AssignmentType,
  AssignTicket,
  TICKETS_TABLE,
  TicketOpened,
  TRIAGE_AGENT,
} from '../../../examples/support-triage/agents.js';
import { createTables } from '../../../local/dynamodb/create-tables.js';
import { fakeLambdaContext } from '../../support/aws-loopback/fake-lambda-context.js';
import { setDeployedHandlerEnvironment } from '../../support/deployed-handler-environment.js';
import { testDynamoClients } from '../../support/dynamodb.js';

const ticket = (subject: string, body = '') => ({ ticketId: `t-${randomUUID()}`, subject, body });

describe('support triage, in process', () => {
  const start = async () => {
    const runtime = new InProcessRuntime();
    const tickets = new InMemoryItemStore({ table: TICKETS_TABLE, schema: Assignment });
    await registerAgent(runtime, TRIAGE_AGENT, {});
    await registerAgent(runtime, ASSIGNMENT_AGENT, { tickets });
    return { runtime, tickets };
  };

  it('assigns every ticket the desk opens to its team, urgent when it says so, in the tickets table', async () => {
    const { runtime, tickets } = await start();
    const opened = [
      ticket('Refund for a double charge', 'URGENT please'),
      ticket('Login error', 'the app crashes'),
      ticket('Thanks', 'great service'),
    ];
    for (const one of opened) await runtime.publish(TicketOpened, one, new TopicId('TicketOpened', 'desk'));
    await runtime.waitUntilIdle();
    const assignments = await Promise.all(opened.map((one) => tickets.get(one.ticketId)));
    expect(assignments.map((a) => [a?.team, a?.priority])).toEqual([
      ['billing', 'urgent'],
      ['technical', 'normal'],
      ['general', 'normal'],
    ]);
  });

  it('refuses a malformed ticket at publish with a MessageValidationError, and assigns nothing', async () => {
    const { runtime, tickets } = await start();
    const bad = { ...ticket('Printer'), ticketId: 'not a key!' };
    await expect(
      runtime.publish(TicketOpened, bad, new TopicId('TicketOpened', 'desk')),
    ).rejects.toMatchObject({
      name: 'MessageValidationError',
      code: 'MESSAGE_VALIDATION',
      messageType: 'TicketOpened',
    });
    await runtime.waitUntilIdle();
    await expect(tickets.get('not a key!')).resolves.toBeUndefined();
  });

  it('refuses an assignment to a team that does not exist before it reaches the table', async () => {
    const { runtime, tickets } = await start();
    const wrong = { ticketId: 't-1', team: 'sales', priority: 'normal' } as unknown as AssignmentType;
    await expect(runtime.send(AssignTicket, wrong, new AgentId('assignment', 't-1'))).rejects.toMatchObject({
      code: 'MESSAGE_VALIDATION',
    });
    expect(await tickets.get('t-1')).toBeUndefined();
  });
});

describe('npm run example:triage', () => {
  it('runs the system in one process: the ticket is assigned, the malformed one refused with its reasons', () => {
    // The condition makes `agentbridge` resolve to the entry's source, as the npm script does.
    const output = execFileSync(
      process.execPath,
      ['--conditions=agentbridge-source', '--import', 'tsx', 'examples/support-triage/local.ts'],
      { encoding: 'utf8' },
    );
    expect(output).toBe(
      "{ ticketId: 'T-1001', team: 'billing', priority: 'urgent' }\n" +
        'Invalid TicketOpened: ticketId: letters, digits, _ and - only; subject: Too small: expected string to have >=1 characters\n',
    );
  });
});

type Handler = (event: unknown, context: ReturnType<typeof fakeLambdaContext>) => Promise<unknown>;

const ACCOUNT = '111111111111';
const context = (functionName: string) => ({
  ...fakeLambdaContext(functionName, 30_000),
  invokedFunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${functionName}`,
});
/** A bare event as the desk puts it on the bus: no agentbridge metadata, its detail is the ticket. */
const deskEvent = (detail: Record<string, unknown>, source = 'support.desk', id = randomUUID()) => ({
  version: '0',
  id,
  'detail-type': 'TicketOpened',
  source,
  account: ACCOUNT,
  time: '2026-12-02T09:00:00Z',
  region: 'us-east-1',
  resources: [],
  detail,
});

describe('support triage, its two Lambda handlers on DynamoDB Local', () => {
  const lambda = mockClient(LambdaClient);
  const sqs = mockClient(SQSClient);
  const handlers: Record<'triage' | 'assignment', Handler | undefined> = {
    triage: undefined,
    assignment: undefined,
  };
  const handler = (agentType: 'triage' | 'assignment'): Handler => {
    const loaded = handlers[agentType];
    if (loaded === undefined) throw new Error(`${agentType} not loaded`);
    return loaded;
  };
  const stored = () =>
    new DynamoDbItemStore({
      documentClient: testDynamoClients().documentClient,
      tableName: TICKETS_TABLE.localName,
      table: TICKETS_TABLE,
      schema: Assignment,
    });

  beforeAll(async () => {
    await createTables(testDynamoClients().client, [TICKETS_TABLE]);
    // What AgentBridge writes on the functions of the example's stack.
    setDeployedHandlerEnvironment(inject('dynamodbEndpoint'), {
      [TICKETS_TABLE.envVar]: TICKETS_TABLE.localName,
      [ENV.agentFunctions]: JSON.stringify({ triage: 'support-triage', assignment: 'support-assignment' }),
      [ENV.producers]: JSON.stringify({ TicketOpened: { sources: ['support.desk'], accounts: [] } }),
    });
    // Each module reads its agent type once, at import, as each function does.
    process.env[ENV.agentType] = 'assignment';
    handlers.assignment = (await import('../../../examples/support-triage/handlers/assignment.js'))
      .handler as unknown as Handler;
    process.env[ENV.agentType] = 'triage';
    handlers.triage = (await import('../../../examples/support-triage/handlers/triage.js'))
      .handler as unknown as Handler;
  });

  beforeEach(() => {
    lambda.reset();
    sqs.reset();
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
    // The triage function's send is a Lambda Invoke: answered by the assignment function's handler.
    lambda.on(InvokeCommand).callsFake(async (input: InvokeCommandInput) => {
      // The AWS runtime invokes with the send request as a JSON string.
      if (typeof input.Payload !== 'string') throw new TypeError('expected a JSON string payload');
      const payload: unknown = JSON.parse(input.Payload);
      const reply = await handler('assignment')(payload, context(input.FunctionName ?? ''));
      return { StatusCode: 200, Payload: new TextEncoder().encode(JSON.stringify(reply)) };
    });
  });

  it('a TicketOpened from the desk is triaged, sent to the assignment function and recorded in DynamoDB', async () => {
    const opened = ticket('Invoice is wrong', 'and the site is down');
    await handler('triage')(deskEvent(opened), context('support-triage'));
    expect(lambda.commandCalls(InvokeCommand).map((call) => call.args[0].input.FunctionName)).toEqual([
      'support-assignment',
    ]);
    expect(await stored().get(opened.ticketId)).toEqual({
      ticketId: opened.ticketId,
      team: 'billing',
      priority: 'urgent',
    });
    expect(sqs.commandCalls(SendMessageCommand)).toEqual([]);
  });

  it('the same delivery twice sends the assignment once', async () => {
    const event = deskEvent(ticket('Crash on start'));
    await handler('triage')(event, context('support-triage'));
    await handler('triage')(event, context('support-triage'));
    expect(lambda.commandCalls(InvokeCommand)).toHaveLength(1);
  });

  it.each([
    [
      'a ticket without a subject',
      deskEvent({ ticketId: 't-empty', subject: '', body: 'x' }),
      'schema-violation',
    ],
    ['a ticket from another source', deskEvent(ticket('Refund'), 'mallory.desk'), 'forbidden-sender'],
  ])(
    '%s is dead-lettered with its reason, answered without a retry, and assigns nothing',
    async (_name, event, reason) => {
      await expect(handler('triage')(event, context('support-triage'))).resolves.toMatchObject({
        status: 'rejected',
        reason,
      });
      expect(lambda.commandCalls(InvokeCommand)).toEqual([]);
      const [deadLetter, ...more] = sqs.commandCalls(SendMessageCommand);
      expect(more).toEqual([]);
      expect(
        DeadLetterRecordSchema.parse(JSON.parse(deadLetter?.args[0].input.MessageBody ?? '{}')),
      ).toMatchObject({
        reason,
        agentType: 'triage',
        inputKind: 'eventbridge',
      });
    },
  );
});
