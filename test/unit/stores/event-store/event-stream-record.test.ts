import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { eventFromStreamRecord } from '../../../../lambdas/stores/event-store/dynamodb/event-stream-record.js';

const insert = (pk: string): DynamoDBRecord => ({
  eventName: 'INSERT',
  dynamodb: {
    SequenceNumber: '100',
    NewImage: {
      pk: { S: pk },
      sk: { N: '1' },
      kind: { S: 'event' },
      id: { S: 'e1' },
      type: { S: 'UserRegistered' },
      data: { S: '{"email":"ada@example.com"}' },
      metadata: { S: '{"correlationId":"e1","causationId":"e1","time":"2026-12-01T20:00:00.000Z"}' },
    },
  },
});

describe('eventFromStreamRecord', () => {
  it('reads an inserted event item of a stream', () => {
    expect(eventFromStreamRecord(insert('user-1'))).toMatchObject({
      streamId: 'user-1',
      version: 1,
      id: 'e1',
    });
  });

  it('publishes nothing for an item marked as an event under a snapshot partition', () => {
    expect(eventFromStreamRecord(insert('user-1#snapshot#2'))).toBeUndefined();
  });
});
