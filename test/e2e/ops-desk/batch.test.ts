/**
 * The desk's incident enricher on the local cloud, through AWS APIs, against a stand-in CMDB on loopback: many
 * enrichment requests put on the bus reach the enricher's queue and are answered in a few CMDB calls, each
 * requester reading its own answer from the results table; a request whose item stays locked comes back alone
 * (partial batch response), is retried, and is dead-lettered with its cause on its last receive.
 */
import { randomUUID } from 'node:crypto';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { type Message, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EnrichmentRequest } from '../../../examples/ops-desk/enrichment/messages.js';
import { startCmdb } from '../../support/cmdb-server.js';
import { CMDB_PORT, type OpsDesk, openOpsDesk } from '../../support/ops-desk-cloud.js';

describe('the desk’s incident enricher, deployed behind its queue', () => {
  let desk: OpsDesk;
  let cmdb: Awaited<ReturnType<typeof startCmdb>>;
  let results: string;
  let queueDeadLetters: string;
  /** Time passes by itself on AWS; the local cloud's clock moves when told. */
  const wait = async (duration: string) => desk.advance?.(duration);
  const timeoutMs = () => (desk.advance === undefined ? 600_000 : 60_000);

  beforeAll(async () => {
    cmdb = await startCmdb(CMDB_PORT);
    desk = await openOpsDesk(inject('dynamodbEndpoint'));
    const env = await desk.environmentOf('incident-enricher');
    results = env.AGENTBRIDGE_BATCH_RESULTS_TABLE_NAME ?? '';
    queueDeadLetters = env.AGENTBRIDGE_QUEUE_DEAD_LETTER_URL ?? '';
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
    await cmdb?.close();
  });

  /** Puts the requests on the bus as an operators' tool does, ten entries per PutEvents call. */
  const request = async (requests: readonly EnrichmentRequest[]) => {
    for (let start = 0; start < requests.length; start += 10) {
      const { FailedEntryCount } = await desk.clients.eventBridge.send(
        new PutEventsCommand({
          Entries: requests.slice(start, start + 10).map((detail) => ({
            EventBusName: desk.busName,
            DetailType: 'EnrichmentRequested',
            Source: 'ops.tools',
            Detail: JSON.stringify(detail),
          })),
        }),
      );
      expect(FailedEntryCount ?? 0).toBe(0);
    }
  };
  const resultOf = async (requestId: string) =>
    (
      await desk.clients.documentClient.send(
        new GetCommand({ TableName: results, Key: { requestId }, ConsistentRead: true }),
      )
    ).Item;
  const allResults = (
    ids: readonly string[],
    done: (items: (Record<string, unknown> | undefined)[]) => boolean,
  ) =>
    desk.eventually(
      `the results of ${ids.length} requests`,
      () => Promise.all(ids.map(resultOf)),
      done,
      timeoutMs(),
    );
  const lookup = (service: string, fields: Partial<EnrichmentRequest> = {}): EnrichmentRequest => ({
    requestId: `enrich-${randomUUID()}`,
    incidentId: `inc-${randomUUID().slice(0, 8)}`,
    service,
    lookup: 'configuration',
    severity: 3,
    ...fields,
  });

  it('answers many requests in a few CMDB calls, each requester reading its own result', async () => {
    const services = ['checkout', 'search', 'ledger', 'payments'].map(
      (name) => `${name}-${randomUUID().slice(0, 6)}`,
    );
    services.forEach((service, index) => {
      cmdb.addItem(service, { owner: `team-${index}`, tier: `tier-${(index % 2) + 1}`, dependencies: [] });
      cmdb.addMetric(service, 'error-rate', index / 100);
    });
    const requests = [
      ...Array.from({ length: 24 }, (_, index) => lookup(services[index % 4] as string)),
      ...Array.from({ length: 8 }, (_, index) =>
        lookup(services[index % 4] as string, { lookup: 'error-rate' }),
      ),
    ];
    const before = cmdb.calls.length;
    await request(requests);
    // The mapping's batching window (2 s) ends.
    await wait('3s');
    const items = await allResults(
      requests.map((r) => r.requestId),
      (found) => found.every((item) => item?.status === 'succeeded'),
    );
    requests.forEach((sent, index) => {
      const serviceIndex = services.indexOf(sent.service);
      expect(items[index]?.result).toEqual(
        sent.lookup === 'configuration'
          ? {
              kind: 'configuration',
              service: sent.service,
              owner: `team-${serviceIndex}`,
              tier: `tier-${(serviceIndex % 2) + 1}`,
              dependencies: [],
            }
          : { kind: 'metric', service: sent.service, metric: 'error-rate', value: serviceIndex / 100 },
      );
    });
    const calls = cmdb.calls.length - before;
    // One call per group and batch: two groups, the mapping's two pollers at most.
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(4);
    console.info(`enrichment e2e: ${requests.length} requests answered in ${calls} CMDB calls`);
  }, 180_000);

  it('sends back only the locked request, retries it, and dead-letters it with its cause on its last receive', async () => {
    const open = `open-${randomUUID().slice(0, 6)}`;
    const locked = `locked-${randomUUID().slice(0, 6)}`;
    cmdb.addItem(open, { owner: 'platform', tier: 'tier-1', dependencies: ['dns'] });
    cmdb.addItem(locked, { owner: 'platform', tier: 'tier-1', dependencies: [] });
    cmdb.lock(locked);
    const fine = [lookup(open), lookup(open, { severity: 1 }), lookup(open)];
    const stuck = lookup(locked);
    const journalStart = desk.cloud?.journal.entries().length ?? 0;
    await request([...fine, stuck]);
    await wait('3s');
    await allResults(
      fine.map((r) => r.requestId),
      (found) => found.every((item) => item?.status === 'succeeded'),
    );
    expect(await resultOf(stuck.requestId)).toBeUndefined();
    if (desk.cloud !== undefined) {
      const failed = desk.cloud.journal
        .entries()
        .slice(journalStart)
        .filter((entry) => entry.service === 'sqs' && entry.action === 'BatchFailed');
      // Only the locked request's record came back; the others were deleted from the queue.
      expect(failed).toHaveLength(1);
      expect(failed[0]?.payload).toContain(stuck.requestId);
      expect(failed[0]?.detail?.split(', ')).toHaveLength(1);
    }
    // Its second and third receives, each after the visibility timeout (6 × the function's 30 s).
    for (let receive = 2; receive <= 3; receive += 1) {
      await wait('181s');
      await wait('3s');
      await desk.eventually(
        `receive ${receive} of the locked request`,
        async () => cmdb.callsTo('items').filter((call) => call.body.services?.includes(locked)).length,
        (count) => count >= receive,
        timeoutMs(),
      );
    }
    const [failure] = await allResults([stuck.requestId], (found) => found[0] !== undefined);
    expect(failure).toMatchObject({ status: 'failed', attempts: 3, error: { code: 'CMDB_ITEM_LOCKED' } });
    const deadLettered = await desk.eventually(
      'the locked request on the queue’s dead-letter queue',
      async () => {
        const { Messages = [] } = await desk.clients.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: queueDeadLetters,
            MaxNumberOfMessages: 10,
            MessageAttributeNames: ['All'],
            WaitTimeSeconds: 0,
          }),
        );
        return Messages.find((message: Message) => message.Body?.includes(stuck.requestId));
      },
      (message) => message !== undefined,
      timeoutMs(),
    );
    expect(JSON.parse(deadLettered?.Body ?? '{}').detail).toEqual(stuck);
    expect(deadLettered?.MessageAttributes).toMatchObject({
      'agentbridge.reason': { StringValue: 'retries-exhausted' },
      'agentbridge.code': { StringValue: 'CMDB_ITEM_LOCKED' },
      'agentbridge.error': { StringValue: `configuration item ${locked} is locked for editing` },
    });
  }, 300_000);
});
