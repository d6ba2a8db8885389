/**
 * The desk's paging on the local cloud, through AWS APIs: an opened incident is paged on the channels whose
 * filter and relevance admit it only, a page that fails is dead-lettered with its reason and the incident
 * event whole, and an event no agent takes lands in the unrouted queue, where `agentbridge dlq` lists, shows
 * and redrives it.
 */
import { randomUUID } from 'node:crypto';
import { type Message, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeVisibleAgain } from '../../../lambdas/runtime/aws/redrive-dead-letters.js';
import type { CliIo } from '../../../local/cli/cli-io.js';
import { adminRoutes } from '../../../local/cli/endpoint-client.js';
import { runCli } from '../../../local/cli/run-cli.js';
import { type OpsDesk, openOpsDesk } from '../../support/ops-desk-cloud.js';

const CHANNELS = ['pager', 'sms', 'payments-chat', 'ops-log'];

describe('the desk’s paging event bus, deployed', { timeout: 180_000 }, () => {
  let desk: OpsDesk;
  let pagesTable: string;
  let queues: { paging: string; unrouted: string; unroutedName: string };

  beforeAll(async () => {
    desk = await openOpsDesk(inject('dynamodbEndpoint'));
    pagesTable = (await desk.environmentOf('paging')).PAGING_PAGES_TABLE_NAME ?? '';
    const deployed = await adminRoutes.queues(desk.endpoint ?? '');
    const tagged = (of: string) => deployed.find((queue) => queue.deadLetterQueueOf.includes(of));
    const paging = tagged('paging deliveries');
    const unrouted = tagged('events no rule on the bus matches');
    if (paging === undefined || unrouted === undefined)
      throw new Error('the desk has no paging or unrouted queue');
    queues = { paging: paging.url, unrouted: unrouted.url, unroutedName: unrouted.name };
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
  });

  const cli = async (...args: string[]) => {
    const out: string[] = [];
    const io: CliIo = {
      out: (line) => out.push(line),
      err: (line) => out.push(line),
      env: { AWS_ENDPOINT_URL: desk.endpoint ?? '' },
      interrupted: () => new Promise(() => undefined),
    };
    const code = await runCli(args, io);
    return { code, out: out.join('\n') };
  };

  const openIncident = async (severity: string, service: string) => {
    const reportId = `r-${randomUUID()}`;
    await desk.publish(
      'IncidentReported',
      {
        reportId,
        service,
        kind: 'outage',
        title: `${service} down`,
        severity,
        observedAt: new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000).toISOString(),
      },
      'ops.monitoring',
    );
    return `inc-${reportId}`;
  };
  const pagedOn = async (incidentId: string) => {
    const found: string[] = [];
    for (const channel of CHANNELS) {
      const { Item } = await desk.clients.documentClient.send(
        new GetCommand({
          TableName: pagesTable,
          Key: { pageId: `${incidentId}#${channel}` },
          ConsistentRead: true,
        }),
      );
      if (Item !== undefined) found.push(channel);
    }
    return found;
  };
  /** The messages on a queue whose body mentions `text`, left there. */
  const messagesMentioning = async (queueUrl: string, text: string): Promise<Message[]> => {
    const { Messages = [] } = await desk.clients.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: 30,
        MessageAttributeNames: ['All'],
      }),
    );
    await makeVisibleAgain(desk.clients.sqs, queueUrl, Messages);
    return Messages.filter((message) => (message.Body ?? '').includes(text));
  };

  it('pages a minor incident only on the channel that takes everything', async () => {
    const incidentId = await openIncident('sev4', 'search');
    await desk.eventually(
      'the ops-log page',
      () => pagedOn(incidentId),
      (found) => found.includes('ops-log'),
    );
    expect(await pagedOn(incidentId)).toEqual(['ops-log']);
  });

  it('dead-letters the SMS page of a sev1 incident of a service without an on-call number, with its reason', async () => {
    const incidentId = await openIncident('sev1', 'search');
    await desk.eventually(
      'the pages',
      () => pagedOn(incidentId),
      (found) => found.length >= 2,
    );
    const [letter] = await desk.eventually(
      'the failed SMS page',
      () => messagesMentioning(queues.paging, incidentId),
      (found) => found.length > 0,
    );
    expect(await pagedOn(incidentId)).toEqual(['pager', 'ops-log']);
    const event = JSON.parse(letter?.Body ?? '{}');
    expect(event).toMatchObject({
      source: 'agentbridge.intake',
      'detail-type': 'IncidentOpened',
      detail: { incidentId, severity: 1, service: 'search' },
    });
    expect(letter?.MessageAttributes?.['agentbridge.reason']?.StringValue).toBe('delivery-failed');
    expect(letter?.MessageAttributes?.['agentbridge.message']?.StringValue).toBe(
      'delivery to sms failed: no on-call number for search',
    );
  });

  it('queues an event no agent takes as it was put, and agentbridge dlq lists, shows and redrives it', async () => {
    const marker = `degraded-${randomUUID()}`;
    const detail = { service: 'search', marker, latencyMs: 1_250 };
    await desk.publish('ServiceDegraded', detail, 'ops.monitoring');
    const [stray] = await desk.eventually(
      'the unrouted event',
      () => messagesMentioning(queues.unrouted, marker),
      (found) => found.length > 0,
    );
    expect(JSON.parse(stray?.Body ?? '{}')).toMatchObject({
      source: 'ops.monitoring',
      'detail-type': 'ServiceDegraded',
      detail,
    });
    expect(stray?.MessageAttributes?.['agentbridge.reason']?.StringValue).toBe('no-subscribers');

    const list = await cli('dlq', 'list');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(new RegExp(`${queues.unroutedName}\\s+\\d+\\s+dead letters of events no rule`));
    const show = await cli('dlq', 'show', queues.unroutedName);
    expect(show.code).toBe(0);
    expect(show.out).toContain(JSON.stringify(detail));
    expect(show.out).toContain('agentbridge.reason: no-subscribers');

    const redrive = await cli('dlq', 'redrive', queues.unroutedName);
    expect(redrive).toMatchObject({ code: 0, out: expect.stringMatching(/^redrove [1-9]\d* event/) });
    // Back on the bus, still nobody's: the router queues it again, the same event.
    const [again] = await desk.eventually(
      'the redriven event back in the unrouted queue',
      () => messagesMentioning(queues.unrouted, marker),
      (found) => found.length > 0 && found[0]?.MessageId !== stray?.MessageId,
    );
    expect(JSON.parse(again?.Body ?? '{}')).toMatchObject({ source: 'ops.monitoring', detail });
  });
});
