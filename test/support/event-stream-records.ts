import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent, AttributeValue as StreamAttributeValue } from 'aws-lambda';
import { eventItem } from '../../lambdas/stores/event-store/dynamodb/event-store-items.js';
import type { SerializedEvent } from '../../lambdas/stores/event-store/event-store-port.js';

/** A stored event as a test writes it: ids and metadata defaulted, `data` given as a value. */
export interface TestEvent {
  readonly streamId: string;
  readonly version: number;
  readonly id?: string;
  readonly type?: string;
  readonly data?: unknown;
}

/** The serialised form the event store writes for `event`. */
export const serializedEvent = (event: TestEvent): SerializedEvent => ({
  streamId: event.streamId,
  version: event.version,
  id: event.id ?? `evt-${event.streamId}-${event.version}`,
  type: event.type ?? 'UserUpdated',
  data: JSON.stringify(event.data ?? { version: event.version }),
  metadata: JSON.stringify({
    correlationId: 'req-1',
    causationId: 'cmd-1',
    time: '2026-01-02T03:04:05.678Z',
  }),
});

/** The INSERT record the event store table's stream carries for `event`, at stream position `sequence`. */
export const insertRecord = (event: SerializedEvent, sequence: number): DynamoDBRecord => ({
  eventID: `evt-${sequence}`,
  eventName: 'INSERT',
  eventSource: 'aws:dynamodb',
  awsRegion: 'us-east-1',
  dynamodb: {
    SequenceNumber: String(sequence).padStart(21, '0'),
    StreamViewType: 'NEW_IMAGE',
    NewImage: marshall(eventItem(event)) as Record<string, StreamAttributeValue>,
  },
});

/** A stream batch of the given events, in the order given, sequence numbers from 1. */
export const streamBatch = (events: readonly TestEvent[]): DynamoDBStreamEvent => ({
  Records: events.map((event, index) => insertRecord(serializedEvent(event), index + 1)),
});

/** The sequence number `streamBatch` gives the record at `index`. */
export const sequenceAt = (index: number): string => String(index + 1).padStart(21, '0');
