import { createHash } from 'node:crypto';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type DeadLetterRecord,
  DeadLetterRecordSchema,
} from '../../../../lambdas/contracts/dead-letter-record.js';
import { InMemoryDeadLetterSink } from '../../../../lambdas/runtime/lambda/dead-letter/in-memory-dead-letter-sink.js';
import { SqsDeadLetterSink } from '../../../../lambdas/runtime/lambda/dead-letter/sqs-dead-letter-sink.js';
import { MAX_INPUT_DEPTH } from '../../../../lambdas/runtime/lambda/nesting-depth.js';
import { fakeLambdaContext } from '../../../support/aws-loopback/fake-lambda-context.js';
import { cashierFunction, fixture } from './agent-function-fixture.js';

const context = () => fakeLambdaContext('cashier-fn', 30_000);

/** JSON text nested `depth` objects deep, built without recursion (so the test itself cannot overflow). */
const deepJson = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const digestOf = (text: string) => ({
  bytes: Buffer.byteLength(text, 'utf8'),
  sha256: createHash('sha256').update(text).digest('hex'),
});

const client = new SQSClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
});
const sqs = mockClient(client);
afterEach(() => sqs.reset());

const record = (input: unknown): DeadLetterRecord => ({
  kind: 'agentbridge.bad-input',
  reason: 'too-deep',
  code: 'INPUT_TOO_DEEP',
  message: 'Input nests deeper than allowed',
  agentType: 'cashier',
  inputKind: 'send',
  recordedAt: '2026-11-24T18:00:00.000Z',
  input,
});

describe('deeply nested input', () => {
  it('answers a 6,000-deep send with a typed too-deep error, not a retried function error', async () => {
    const fn = cashierFunction();
    const send = { ...fixture('send'), data: JSON.parse(deepJson(6_000)) };
    await expect(fn.handler(send, context())).resolves.toEqual({
      ok: false,
      error: {
        name: 'InputTooDeepError',
        code: 'INPUT_TOO_DEEP',
        message: `Input nests deeper than ${MAX_INPUT_DEPTH} levels`,
      },
    });
    expect(fn.calls).toEqual([]);
  });

  it("records a 6,000-deep event with the payload's size and SHA-256 instead of the payload", async () => {
    const fn = cashierFunction();
    const text = JSON.stringify({ ...fixture('eventbridge-envelope'), detail: '§' }).replace(
      '"§"',
      deepJson(6_000),
    );
    const event = JSON.parse(text);
    await expect(fn.handler(event, context())).resolves.toEqual({
      status: 'rejected',
      reason: 'too-deep',
      code: 'INPUT_TOO_DEEP',
    });
    const [recorded] = fn.deadLetters.records();
    const parsed = DeadLetterRecordSchema.parse(recorded);
    expect(parsed).toMatchObject({
      reason: 'too-deep',
      inputKind: 'eventbridge',
      functionName: 'cashier-fn',
    });
    expect(parsed.input).toBeUndefined();
    expect(parsed.unserialisable).toEqual({ ...digestOf(text), error: 'RangeError' });
  });

  it('records an event whose detail text nests too deep', async () => {
    const fn = cashierFunction();
    const event = { ...fixture('eventbridge-envelope'), detail: deepJson(MAX_INPUT_DEPTH) };
    await expect(fn.handler(event, context())).resolves.toMatchObject({ reason: 'too-deep' });
    expect(fn.deadLetters.records()[0]?.input).toEqual(event);
  });

  it('accepts a payload exactly at the depth limit', async () => {
    const fn = cashierFunction();
    // The send object itself is one level, `data` a second: the note fills the rest up to the limit.
    const note = JSON.parse(deepJson(MAX_INPUT_DEPTH - 2));
    const send = { ...fixture('send'), data: { amount: 25, note } };
    await expect(fn.handler(send, context())).resolves.toEqual({ ok: true, result: { receipt: 'total 25' } });
  });

  it('the SQS sink sends a record it cannot serialise with the input replaced by its size and SHA-256', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'q1' });
    const text = deepJson(6_000);
    await new SqsDeadLetterSink(client, 'https://sqs/q').record(record(JSON.parse(text)));
    const body = sqs.commandCalls(SendMessageCommand)[0]?.args[0].input.MessageBody ?? '';
    const sent = DeadLetterRecordSchema.parse(JSON.parse(body));
    expect(sent.input).toBeUndefined();
    expect(sent.unserialisable).toEqual({ ...digestOf(text), error: 'RangeError' });
  });

  it('the in-memory sink digests a cyclic input rather than throwing', async () => {
    const cyclic: Record<string, unknown> = { id: 'e1' };
    cyclic.self = cyclic;
    const sink = new InMemoryDeadLetterSink();
    await sink.record(record(cyclic));
    expect(sink.records()[0]?.unserialisable).toEqual({
      ...digestOf('{"id":"e1","self":"[Circular]"}'),
      error: 'TypeError',
    });
  });
});
