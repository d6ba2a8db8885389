import { describe, expect, it } from 'vitest';
import { inMemoryOrderSystem } from '../../../../lambdas/agents/in-memory-order-system.js';
import { RecipientUnknownError } from '../../../../lambdas/agents/notification/notification-error.js';

const setup = async (phone?: string) => {
  const system = inMemoryOrderSystem({ clock: { now: () => Date.parse('2026-03-01T12:00:00.000Z') } });
  await system.users.commands.create({
    userId: 'u-ada',
    email: 'ada@example.com',
    name: 'Ada',
    ...(phone ? { phone } : {}),
  });
  await system.users.projection.catchUp('u-ada');
  return system;
};

describe('notification tasks', () => {
  it('records the shipping email with the tracking number, and sends nothing', async () => {
    const { notification, stores } = await setup();
    const result = await notification.sendShippingNotification({
      orderId: 'o-1',
      userId: 'u-ada',
      trackingNumber: '1Z999AA1',
    });
    expect(result).toEqual({ notificationIds: ['o-1:shipped:email'] });
    const [email] = await stores.sender.listByRecipient('ada@example.com', 10);
    expect(email).toMatchObject({
      channel: 'email',
      orderId: 'o-1',
      kind: 'order-shipped',
      sentAt: '2026-03-01T12:00:00.000Z',
    });
    expect(email?.body).toContain('1Z999AA1');
  });

  it('adds an SMS with the tracking number when the user has a phone', async () => {
    const { notification, stores } = await setup('+14155550100');
    await notification.sendShippingNotification({
      orderId: 'o-1',
      userId: 'u-ada',
      trackingNumber: '1Z999AA1',
    });
    const [sms] = await stores.sender.listByRecipient('+14155550100', 10);
    expect(sms).toMatchObject({ channel: 'sms', recipient: '+14155550100' });
    expect(sms?.body).toContain('1Z999AA1');
  });

  it('records a repeated notification once, queryable by order', async () => {
    const { notification } = await setup('+14155550100');
    const input = { orderId: 'o-1', userId: 'u-ada', trackingNumber: '1Z999AA1' };
    await notification.sendShippingNotification(input);
    await notification.sendShippingNotification(input);
    const { notifications } = await notification.list({ orderId: 'o-1', limit: 50 });
    expect(notifications.map((n) => n.channel)).toEqual(['email', 'sms']);
  });

  it('refuses an unknown or deleted recipient with RecipientUnknownError and records nothing', async () => {
    const { notification, users, stores } = await setup();
    await expect(
      notification.sendShippingNotification({ orderId: 'o-2', userId: 'nobody', trackingNumber: 'T' }),
    ).rejects.toBeInstanceOf(RecipientUnknownError);
    await users.commands.delete({ userId: 'u-ada', reason: 'gone' });
    await users.projection.catchUp('u-ada');
    await expect(
      notification.sendShippingNotification({ orderId: 'o-2', userId: 'u-ada', trackingNumber: 'T' }),
    ).rejects.toMatchObject({ code: 'RECIPIENT_UNKNOWN' });
    expect(await stores.sender.listByOrder('o-2', 10)).toEqual([]);
  });
});
