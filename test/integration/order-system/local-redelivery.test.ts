import { describe, expect, it } from 'vitest';
import type { RuntimeLogger } from '../../../lambdas/runtime/runtime-logger.js';
import { eventsOfType, orderSystems, USER_ID } from './order-system-fixture.js';

const systems = orderSystems();

/** A logger that keeps what it is told. */
const recordingLogger = () => {
  const errors: { message: string; extra: Record<string, unknown> | undefined }[] = [];
  const logger: RuntimeLogger = {
    warn() {},
    error: (message, extra) => errors.push({ message, extra }),
  };
  return { logger, errors };
};

describe('local redelivery of a trigger thrown back as transient', () => {
  it('gives up after the bounded attempts and logs it as dead-lettered, without a rejection', async () => {
    const { logger, errors } = recordingLogger();
    const system = await systems.seeded({ logger, redelivery: { attempts: 4, intervalMs: 1 } });
    // An order recorded as created whose lifecycle never parks a wait (no execution was started for it).
    await system.system.orders.create({
      sagaId: 'saga-orphan',
      orderId: 'o-orphan',
      userId: USER_ID,
      items: [{ sku: 'SKU-1', quantity: 1, unitPrice: 500 }],
      amount: 500,
      paymentId: 'pay-orphan',
    });

    await system.sendTrigger('PaymentCompleted', { orderId: 'o-orphan', paymentId: 'pay-orphan' });

    expect(errors).toEqual([
      {
        message: 'Gave up redelivering an event (dead-lettered on AWS)',
        extra: expect.objectContaining({ messageType: 'PaymentCompleted', attempts: 4 }),
      },
    ]);
    expect(eventsOfType(system, 'o-orphan', 'OrderTransitionRejected')).toEqual([]);
  });
});
