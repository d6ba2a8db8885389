import { describe, expect, it, vi } from 'vitest';
import { EnvelopeSchema } from '../../../../lambdas/contracts/envelope.js';
import { awsRuntimeOutboxPort } from '../../../../lambdas/patterns/outbox/aws-runtime-outbox-port.js';
import { outboxEnvelope } from '../../../../lambdas/patterns/outbox/outbox-envelope.js';
import type { OutgoingEnvelope } from '../../../../lambdas/runtime/aws/outgoing-envelope.js';

const stored = {
  id: 'evt-7',
  streamId: 'user-1',
  version: 2,
  correlationId: 'req-1',
  causationId: 'cmd-1',
  time: '2026-01-02T03:04:05.678Z',
};

describe('awsRuntimeOutboxPort', () => {
  it('publishes a stored event on domain.<type> keyed by its stream, with the event id as message id', async () => {
    const published: OutgoingEnvelope[][] = [];
    const port = awsRuntimeOutboxPort({
      publishEnvelopes: async (envelopes) => void published.push([...envelopes]),
    });
    await port.publish('UserUpdated', { name: 'Ada L.' }, stored);
    expect(published).toHaveLength(1);
    const [envelope] = published[0] ?? [];
    expect(EnvelopeSchema.parse(envelope)).toEqual({
      metadata: {
        id: 'evt-7',
        type: 'UserUpdated',
        topicType: 'domain.UserUpdated',
        topicSource: 'user-1',
        correlationId: 'req-1',
        causationId: 'cmd-1',
        time: '2026-01-02T03:04:05.678Z',
        schemaVersion: 1,
      },
      data: { name: 'Ada L.' },
    });
    expect(envelope?.metadata).toMatchObject({ streamId: 'user-1', version: 2 });
  });

  it('keeps extra stored metadata but never lets it override the envelope fields or set a sender', () => {
    const envelope = outboxEnvelope(
      'UserCreated',
      {},
      {
        ...stored,
        actor: 'ada',
        type: 'Forged',
        topicType: 'elsewhere',
        sender: 'admin/root',
        schemaVersion: 99,
      },
    );
    expect(envelope.metadata).toMatchObject({
      actor: 'ada',
      type: 'UserCreated',
      topicType: 'domain.UserCreated',
      schemaVersion: 1,
    });
    expect(envelope.metadata).not.toHaveProperty('sender');
  });

  it('rejects when the runtime rejects, so the record is reported as failed', async () => {
    const failure = new Error('bus unavailable');
    const port = awsRuntimeOutboxPort({ publishEnvelopes: vi.fn().mockRejectedValue(failure) });
    await expect(port.publish('UserCreated', {}, stored)).rejects.toBe(failure);
  });
});
