/**
 * The desk's routing on the local cloud (or wherever AGENTBRIDGE_E2E_TARGET points), through AWS APIs: an
 * opened incident is paged to the responder team the shared routing history scores best, and to the other
 * team when the best one cannot take it, each outcome counted in the history every container shares.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type OpsDesk, openOpsDesk } from '../../support/ops-desk-cloud.js';

const ROUTER = 'responders';

describe('the desk’s routing, deployed', () => {
  let desk: OpsDesk;
  let tables: { assignments: string; history: string; directory: string };

  beforeAll(async () => {
    desk = await openOpsDesk(inject('dynamodbEndpoint'));
    const dispatch = await desk.environmentOf('dispatch');
    const responder = await desk.environmentOf('responder-platform');
    tables = {
      assignments: dispatch.ASSIGNMENTS_TABLE_NAME ?? '',
      history: dispatch.AGENTBRIDGE_ROUTING_HISTORY_TABLE_NAME ?? '',
      directory: responder.OPS_DIRECTORY_TABLE_NAME ?? '',
    };
    // The history the containers have built so far: platform has served many incidents well, sre poorly.
    const counters = (candidate: string, successes: number) =>
      desk.clients.documentClient.send(
        new PutCommand({
          TableName: tables.history,
          Item: {
            router: ROUTER,
            item: `candidate#${candidate}`,
            count: 1_000,
            successes,
            totalDurationMs: 300_000,
            inFlight: 0,
          },
        }),
      );
    await counters('responder-platform', 990);
    await counters('responder-sre', 400);
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
  });

  const get = async (TableName: string, Key: Record<string, string>) =>
    (await desk.clients.documentClient.send(new GetCommand({ TableName, Key, ConsistentRead: true }))).Item;
  const shift = (team: string, onShift: boolean) =>
    desk.clients.documentClient.send(
      new PutCommand({
        TableName: tables.directory,
        Item: { entryId: `shift:${team}`, onShift, onCall: `${team}-ada` },
      }),
    );
  const openIncident = async (): Promise<string> => {
    const reportId = `r-${randomUUID()}`;
    await desk.publish(
      'IncidentReported',
      {
        reportId,
        service: `search-${randomUUID().slice(0, 8)}`,
        kind: 'outage',
        title: 'Search returns 500',
        severity: 'sev1',
        observedAt: new Date().toISOString(),
      },
      'ops.monitoring',
    );
    return `inc-${reportId}`;
  };
  const assignmentOf = (incidentId: string) =>
    desk.eventually(
      `the assignment of ${incidentId}`,
      () => get(tables.assignments, { incidentId }),
      (item) => item !== undefined,
    );
  const countersOf = async (candidate: string) =>
    get(tables.history, { router: ROUTER, item: `candidate#${candidate}` });

  it('pages the team the shared history scores best, and counts its success', async () => {
    await shift('platform', true);
    const before = await countersOf('responder-platform');
    const incidentId = await openIncident();
    expect(await assignmentOf(incidentId)).toMatchObject({
      team: 'platform',
      acknowledgedBy: 'platform-ada',
      fallback: false,
    });
    const after = await countersOf('responder-platform');
    expect(Number(after?.count) - Number(before?.count)).toBeGreaterThanOrEqual(1);
    expect(Number(after?.successes) - Number(before?.successes)).toBeGreaterThanOrEqual(1);
  });

  it('pages the second best, as a fallback, when the best team is off shift, and counts the refusal against it', async () => {
    await shift('platform', false);
    await shift('sre', true);
    try {
      const before = await countersOf('responder-platform');
      const incidentId = await openIncident();
      expect(await assignmentOf(incidentId)).toMatchObject({
        team: 'sre',
        acknowledgedBy: 'sre-ada',
        fallback: true,
      });
      const after = await countersOf('responder-platform');
      expect(Number(after?.count) - Number(after?.successes)).toBeGreaterThan(
        Number(before?.count) - Number(before?.successes),
      );
    } finally {
      await shift('platform', true);
    }
  });
});
