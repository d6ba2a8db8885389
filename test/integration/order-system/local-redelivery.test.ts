import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { Logger } from '../../../lambdas/contracts/logger.js';
import { defineMessage } from '../../../lambdas/contracts/message-type.js';
import { TransientError } from '../../../lambdas/contracts/transient-error.js';
import { defineAgent } from '../../../lambdas/runtime/agent-definition.js';
import type { MessageContext } from '../../../lambdas/runtime/message-context.js';
import { LocalRedelivery } from '../../../local/order-system/local-redelivery.js';

const Ping = defineMessage('Ping', z.object({ n: z.number() }));

/** A logger that keeps what it is told. */
const recordingLogger = () => {
  const errors: { message: string; extra: Record<string, unknown> | undefined }[] = [];
  const logger: Logger = { warn() {}, error: (message, extra) => errors.push({ message, extra }) };
  return { logger, errors };
};

/** An event handler that fails `failures(attempt)` and records when each delivery ran. */
const agent = (fail: (attempt: number) => Error | undefined) => {
  const runs: number[] = [];
  const definition = defineAgent({
    handlers: (on) => [
      on.event(Ping, async () => {
        runs.push(performance.now());
        const error = fail(runs.length);
        if (error !== undefined) throw error;
      }),
    ],
  });
  return { definition, runs };
};

const deliver = async (redelivery: LocalRedelivery, definition: ReturnType<typeof agent>['definition']) => {
  const [spec] = redelivery.wrap(definition).routes.get('Ping') ?? [];
  if (spec === undefined) throw new Error('no Ping route');
  await spec.handle({ n: 1 }, { messageId: 'm-1' } as unknown as MessageContext<undefined>);
  await redelivery.idle();
};

const SCALE = 1e-4;
const transient = () => new TransientError(new Error('ThrottlingException'));

describe('local redelivery: Lambda async retries of a function error', () => {
  it('retries twice, about 1 and 2 minutes apart (scaled), then sends the event to the on-failure destination', async () => {
    const { logger, errors } = recordingLogger();
    const redelivery = new LocalRedelivery({ timeScale: SCALE, logger });
    const { definition, runs } = agent(() => transient());
    await deliver(redelivery, definition);

    expect(runs).toHaveLength(3);
    const [first = 0, second = 0, third = 0] = runs;
    expect(second - first).toBeGreaterThanOrEqual(60_000 * SCALE - 1);
    expect(third - second).toBeGreaterThanOrEqual(120_000 * SCALE - 1);
    expect(errors).toEqual([
      {
        message: 'Retries exhausted: the event goes to the on-failure destination',
        extra: expect.objectContaining({ messageType: 'Ping', messageId: 'm-1', attempts: 3 }),
      },
    ]);
  });

  it('stops retrying once a retry succeeds', async () => {
    const { logger, errors } = recordingLogger();
    const redelivery = new LocalRedelivery({ timeScale: SCALE, logger });
    const { definition, runs } = agent((attempt) => (attempt === 1 ? transient() : undefined));
    await deliver(redelivery, definition);
    expect(runs).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it('honours a lower MaximumRetryAttempts', async () => {
    const { logger } = recordingLogger();
    const redelivery = new LocalRedelivery({ timeScale: SCALE, retryAttempts: 0, logger });
    const { definition, runs } = agent(() => transient());
    await expect(deliver(redelivery, definition)).rejects.toThrow('ThrottlingException');
    expect(runs).toHaveLength(1);
  });

  it('does not retry an error that is not transient (bad input is dead-lettered by the adapter)', async () => {
    const redelivery = new LocalRedelivery({ timeScale: SCALE, logger: recordingLogger().logger });
    const { definition, runs } = agent(() => new Error('invalid payload'));
    await expect(deliver(redelivery, definition)).rejects.toThrow('invalid payload');
    expect(runs).toHaveLength(1);
  });
});
