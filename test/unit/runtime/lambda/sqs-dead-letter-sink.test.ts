import { createHash } from 'node:crypto';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEAD_LETTER_ATTRIBUTES,
  type DeadLetterRecord,
} from '../../../../lambdas/contracts/dead-letter-record.js';
import { SqsDeadLetterSink } from '../../../../lambdas/runtime/lambda/dead-letter/sqs-dead-letter-sink.js';

const client = new SQSClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
});
const sqs = mockClient(client);
afterEach(() => sqs.reset());

const record = (input: unknown): DeadLetterRecord => ({
  kind: 'agentbridge.bad-input',
  reason: 'schema-violation',
  code: 'MESSAGE_VALIDATION',
  message: 'Invalid fixture.OrderPlaced: amount: expected number',
  agentType: 'cashier',
  inputKind: 'eventbridge',
  recordedAt: '2026-11-24T18:00:00.000Z',
  input,
});
const queueUrl = 'https://sqs.us-east-1.amazonaws.com/000000000000/cashier-dlq';

describe('SqsDeadLetterSink', () => {
  it('sends one message with the record as JSON and the reason and code as attributes', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'q1' });
    await new SqsDeadLetterSink(client, queueUrl).record(record({ id: 'e1' }));
    const input = sqs.commandCalls(SendMessageCommand)[0]?.args[0].input;
    expect(input?.QueueUrl).toBe(queueUrl);
    expect(JSON.parse(input?.MessageBody ?? '')).toEqual(record({ id: 'e1' }));
    expect(input?.MessageAttributes).toEqual({
      [DEAD_LETTER_ATTRIBUTES.reason]: { DataType: 'String', StringValue: 'schema-violation' },
      [DEAD_LETTER_ATTRIBUTES.code]: { DataType: 'String', StringValue: 'MESSAGE_VALIDATION' },
    });
  });

  it("keeps the start of an input too large for the queue, with the input's size and SHA-256", async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'q2' });
    const input = { blob: 'é'.repeat(20_000) };
    await new SqsDeadLetterSink(client, queueUrl, { maxMessageBytes: 16 * 1024 }).record(record(input));
    const body = sqs.commandCalls(SendMessageCommand)[0]?.args[0].input.MessageBody ?? '';
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(16 * 1024);
    const json = JSON.stringify(input);
    const sent = JSON.parse(body) as DeadLetterRecord;
    expect(sent.truncated).toEqual({
      bytes: Buffer.byteLength(json),
      sha256: createHash('sha256').update(json).digest('hex'),
    });
    expect(json.startsWith(String(sent.input).replace(/\uFFFD$/, ''))).toBe(true);
  });

  it('counts message-attribute bytes (name, type and value) against the size limit, as SQS does', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'q3' });
    const limit = 16 * 1024;
    const empty = Buffer.byteLength(JSON.stringify(record({ blob: '' })));
    // The body alone is 20 bytes under the limit; with its two attributes the message is over it.
    const input = { blob: 'x'.repeat(limit - 20 - empty) };
    expect(Buffer.byteLength(JSON.stringify(record(input)))).toBe(limit - 20);
    await new SqsDeadLetterSink(client, queueUrl, { maxMessageBytes: limit }).record(record(input));
    const sent = sqs.commandCalls(SendMessageCommand)[0]?.args[0].input;
    const attributeBytes = Object.entries(sent?.MessageAttributes ?? {}).reduce(
      (sum, [name, value]) =>
        sum +
        Buffer.byteLength(name) +
        Buffer.byteLength(value.DataType ?? '') +
        Buffer.byteLength(value.StringValue ?? ''),
      0,
    );
    expect(attributeBytes).toBeGreaterThan(20);
    const body = sent?.MessageBody ?? '';
    expect(Buffer.byteLength(body) + attributeBytes).toBeLessThanOrEqual(limit);
    expect((JSON.parse(body) as DeadLetterRecord).truncated?.bytes).toBe(
      Buffer.byteLength(JSON.stringify(input)),
    );
  });

  it('fails loudly when SQS rejects the message', async () => {
    sqs.on(SendMessageCommand).rejects(new Error('AccessDenied'));
    await expect(new SqsDeadLetterSink(client, queueUrl).record(record({}))).rejects.toThrow('AccessDenied');
  });
});
