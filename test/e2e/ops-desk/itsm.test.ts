/**
 * The desk's legacy ITSM bridge on the local cloud, through AWS APIs, against a stand-in ITSM on loopback:
 * every opened incident gets its ticket of record through the legacy adapter's declared mappings, within a
 * pool slot leased in DynamoDB and given back after the call.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startLegacySystem } from '../../support/legacy-system-server.js';
import { LEGACY_ITSM_PORT, type OpsDesk, openOpsDesk } from '../../support/ops-desk-cloud.js';

const TICKETS = '/itsm/api/v2/tickets';

describe('the desk’s ITSM bridge, deployed', () => {
  let desk: OpsDesk;
  let itsm: Awaited<ReturnType<typeof startLegacySystem>>;
  let tables: { tickets: string; pool: string };

  beforeAll(async () => {
    itsm = await startLegacySystem(LEGACY_ITSM_PORT);
    desk = await openOpsDesk(inject('dynamodbEndpoint'));
    const env = await desk.environmentOf('itsm-bridge');
    tables = {
      tickets: env.ITSM_TICKETS_TABLE_NAME ?? '',
      pool: env.AGENTBRIDGE_POOL_SLOTS_TABLE_NAME ?? '',
    };
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
    await itsm?.close();
  });

  const openIncident = async (severity: string) => {
    const reportId = `r-${randomUUID()}`;
    const observedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000).toISOString();
    await desk.publish(
      'IncidentReported',
      {
        reportId,
        service: `ledger-${randomUUID().slice(0, 8)}`,
        kind: 'outage',
        title: 'Ledger down',
        severity,
        observedAt,
      },
      'ops.monitoring',
    );
    return { incidentId: `inc-${reportId}`, observedAt };
  };
  const ticketOf = (incidentId: string) =>
    desk.eventually(
      `the ticket of ${incidentId}`,
      async () =>
        (
          await desk.clients.documentClient.send(
            new GetCommand({ TableName: tables.tickets, Key: { incidentId }, ConsistentRead: true }),
          )
        ).Item,
      (item) => item !== undefined,
    );
  const slotsHeld = async () => {
    const { Items = [] } = await desk.clients.documentClient.send(
      new QueryCommand({
        TableName: tables.pool,
        KeyConditionExpression: '#pool = :pool',
        ExpressionAttributeNames: { '#pool': 'pool' },
        ExpressionAttributeValues: { ':pool': 'itsm-calls' },
        ConsistentRead: true,
      }),
    );
    return Items.filter((item) => item.item !== 'meta' && item.holder !== undefined).length;
  };

  it('creates the ticket in the ITSM’s own names and types, records its number, and gives the pool slot back', async () => {
    itsm.answer(TICKETS, {
      status: 201,
      body: { ticket_no: 'INC0042', inc_ref: 'x', assignment_grp: 'OPS-L2', legacy_flag: 1 },
    });
    const { incidentId, observedAt } = await openIncident('sev1');
    expect(await ticketOf(incidentId)).toMatchObject({
      ticketNumber: 'INC0042',
      queue: 'OPS-L2',
      slotToken: expect.any(Number),
    });
    const sent = itsm.received.filter(
      (request) => (request.body as { inc_ref?: string }).inc_ref === incidentId,
    );
    expect(sent).toEqual([
      {
        path: TICKETS,
        method: 'POST',
        body: {
          inc_ref: incidentId,
          short_desc: 'Ledger down',
          prio: '1',
          opened_ts: Date.parse(observedAt) / 1000,
          is_major: 'Y',
        },
      },
    ]);
    expect(await slotsHeld()).toBe(0);
  });

  it('rides out a busy ITSM: the adapter retries a transient answer and the ticket is created once', async () => {
    itsm.answer(
      TICKETS,
      { status: 503, body: { error_code: 'BUSY', error_message: 'try again' } },
      { status: 201, body: { ticket_no: 'INC0043', inc_ref: 'x', assignment_grp: 'OPS-L3' } },
    );
    const { incidentId } = await openIncident('sev3');
    expect(await ticketOf(incidentId)).toMatchObject({ ticketNumber: 'INC0043' });
    const sent = itsm.received.filter(
      (request) => (request.body as { inc_ref?: string }).inc_ref === incidentId,
    );
    expect(sent.map((request) => (request.body as { is_major: string }).is_major)).toEqual(['N', 'N']);
    expect(await slotsHeld()).toBe(0);
  });
});
