import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../lambdas/contracts/notification/notification-messages.js';
import { NOTIFICATIONS_TABLE } from '../../../lambdas/contracts/tables/notifications-table.js';
import { DynamoDbRecordingSender } from '../../../lambdas/stores/notifications/dynamodb/dynamodb-recording-sender.js';
import { InMemoryRecordingSender } from '../../../lambdas/stores/notifications/in-memory/in-memory-recording-sender.js';
import type { NotificationSenderPort } from '../../../lambdas/stores/notifications/notification-sender-port.js';
import { testDynamoClients } from '../../support/dynamodb.js';

const adapters: ReadonlyArray<readonly [string, () => NotificationSenderPort]> = [
  ['in-memory', () => new InMemoryRecordingSender()],
  [
    'DynamoDB',
    () =>
      new DynamoDbRecordingSender({
        documentClient: testDynamoClients().documentClient,
        tableName: NOTIFICATIONS_TABLE.localName,
      }),
  ],
];

/** Random order ids and recipients keep parallel test files apart on the shared table. */
const notification = (overrides: Partial<Notification> = {}): Notification => ({
  id: `o-${randomUUID()}:shipped:email`,
  channel: 'email',
  recipient: `${randomUUID()}@example.com`,
  userId: 'u-1',
  orderId: `o-${randomUUID()}`,
  kind: 'order-shipped',
  subject: 'Shipped',
  body: 'Tracking number: 1Z999',
  sentAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

describe.each(adapters)('NotificationSender conformance: %s', (_name, makeSender) => {
  const sender = makeSender();

  it('records a notification once per id', async () => {
    const first = notification();
    expect(await sender.send(first)).toEqual({ created: true, notification: first });
    expect(await sender.send({ ...first, body: 'changed' })).toEqual({ created: false, notification: first });
    expect(await sender.listByOrder(first.orderId ?? '', 10)).toEqual([first]);
  });

  it('lists by recipient and by order, oldest first', async () => {
    const recipient = `${randomUUID()}@example.com`;
    const orderId = `o-${randomUUID()}`;
    const later = notification({
      recipient,
      orderId,
      id: `${orderId}:b`,
      sentAt: '2026-01-02T00:00:00.000Z',
    });
    const earlier = notification({
      recipient,
      orderId,
      id: `${orderId}:a`,
      sentAt: '2026-01-01T00:00:00.000Z',
    });
    const sms = notification({
      orderId,
      id: `${orderId}:sms`,
      channel: 'sms',
      recipient: '+14155550100',
      sentAt: '2026-01-03T00:00:00.000Z',
    });
    const { subject: _dropped, ...smsWithoutSubject } = sms;
    await sender.send(later);
    await sender.send(earlier);
    await sender.send(smsWithoutSubject);
    expect(await sender.listByRecipient(recipient, 10)).toEqual([earlier, later]);
    expect((await sender.listByOrder(orderId, 10)).map((n) => n.id)).toEqual([earlier.id, later.id, sms.id]);
    expect(await sender.listByOrder(orderId, 1)).toEqual([earlier]);
  });
});
