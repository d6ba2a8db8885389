/**
 * The desk's intake on the local cloud (or wherever AGENTBRIDGE_E2E_TARGET points), through AWS APIs: a
 * monitoring report published onto the bus is validated, normalised and enriched by the intake pipeline, its
 * run checkpointed stage by stage in the pipeline runs table, and the incident opened in the register.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { digestOf } from '../../../lambdas/patterns/pipeline/stage-record.js';
import type { PipelineRun } from '../../../lambdas/stores/pipeline-runs/pipeline-run.js';
import { type OpsDesk, openOpsDesk } from '../../support/ops-desk-cloud.js';

describe('the desk’s intake, deployed', () => {
  let desk: OpsDesk;
  let tables: { directory: string; incidents: string; runs: string };

  beforeAll(async () => {
    desk = await openOpsDesk(inject('dynamodbEndpoint'));
    const env = await desk.environmentOf('intake');
    tables = {
      directory: env.OPS_DIRECTORY_TABLE_NAME ?? '',
      incidents: env.INCIDENTS_TABLE_NAME ?? '',
      runs: env.AGENTBRIDGE_PIPELINE_RUNS_TABLE_NAME ?? '',
    };
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
  });

  const put = (Item: Record<string, unknown>) =>
    desk.clients.documentClient.send(new PutCommand({ TableName: tables.directory, Item }));
  const get = async (TableName: string, Key: Record<string, string>) =>
    (await desk.clients.documentClient.send(new GetCommand({ TableName, Key, ConsistentRead: true }))).Item;
  const runOf = async (reportId: string): Promise<PipelineRun | undefined> => {
    const item = await get(tables.runs, { runId: `intake-${reportId}` });
    return item === undefined ? undefined : (JSON.parse(String(item.run)) as PipelineRun);
  };
  /** IncidentOpened events the bus accepted for an incident, as the local cloud's archive shows them. */
  const openedOnBus = (incidentId: string): number =>
    (desk.cloud?.journal.entries() ?? []).filter(
      (entry) =>
        entry.action === 'PutEvents' &&
        entry.payload.includes('"IncidentOpened"') &&
        entry.payload.includes(incidentId),
    ).length;

  it('opens an enriched incident from a report, every stage checkpointed, and takes the report again without rerunning it', async () => {
    const service = `checkout-${randomUUID().slice(0, 8)}`;
    await put({ entryId: `cmdb:${service}`, owner: 'payments-team', tier: 'tier-1' });
    await put({
      entryId: `deploys:${service}`,
      deploys: [{ version: '4.2.0', at: new Date().toISOString() }],
    });
    const report = {
      reportId: `r-${randomUUID()}`,
      service: ` ${service.toUpperCase()} `,
      kind: 'slow',
      title: ' p99 above   2 s ',
      severity: 'sev2',
      observedAt: new Date().toISOString(),
    };
    await desk.publish('IncidentReported', report, 'ops.monitoring');
    const incidentId = `inc-${report.reportId}`;
    const incident = await desk.eventually(
      'the incident in the register',
      () => get(tables.incidents, { incidentId }),
      (item) => item !== undefined,
    );
    expect(incident).toMatchObject({
      service,
      kind: 'latency',
      title: 'p99 above 2 s',
      severity: 2,
      owner: 'payments-team',
      recentDeploys: [{ version: '4.2.0' }],
      enrichmentErrors: { oncall: `nobody is on call for ${service}` },
    });
    const run = await runOf(report.reportId);
    expect(run).toMatchObject({ status: 'completed', version: 4, nextStage: 4 });
    expect(run?.records.map((record) => [record.stage, record.success])).toEqual([
      ['validate', true],
      ['normalise', true],
      ['enrich', true],
      ['assemble', true],
    ]);

    // Monitoring sends the same report again: the run answers from its record, nothing runs a second time.
    await desk.publish('IncidentReported', report, 'ops.monitoring');
    if (desk.cloud !== undefined) {
      await desk.eventually(
        'IncidentOpened published again',
        async () => openedOnBus(incidentId),
        (count) => count === 2,
      );
    }
    expect(await runOf(report.reportId)).toEqual(run);
  });

  it('resumes a report whose earlier delivery was cut short after normalise at enrich, not running validate or normalise again', async () => {
    const service = `billing-${randomUUID().slice(0, 8)}`;
    await put({ entryId: `cmdb:${service}`, owner: 'billing-team', tier: 'tier-2' });
    const report = {
      reportId: `r-${randomUUID()}`,
      service,
      kind: 'outage',
      title: 'Invoices fail',
      severity: 1,
      observedAt: new Date().toISOString(),
    };
    // What a delivery that timed out after its second stage leaves: version 2, the normalised draft. Its title
    // differs from the report's, so an incident carrying it proves the first two stages did not run again.
    const normalised = { ...report, title: 'Invoices fail (as checkpointed)', severityAssumed: false };
    const earlier = Date.now() - 60_000;
    const record = (stage: string, index: number) => ({
      stage,
      index,
      inputDigest: digestOf(report),
      outputDigest: digestOf(normalised),
      startedAt: earlier,
      durationMs: 2,
      success: true,
    });
    const checkpoint: PipelineRun = {
      runId: `intake-${report.reportId}`,
      pipeline: 'incident-intake',
      inputDigest: digestOf({ ...report, severityAssumed: false }),
      status: 'running',
      nextStage: 2,
      data: normalised,
      records: [record('validate', 0), record('normalise', 1)],
      version: 2,
      updatedAt: earlier,
    };
    await desk.clients.documentClient.send(
      new PutCommand({
        TableName: tables.runs,
        Item: { runId: checkpoint.runId, version: 2, run: JSON.stringify(checkpoint) },
      }),
    );
    await desk.publish('IncidentReported', report, 'ops.monitoring');
    const incident = await desk.eventually(
      'the resumed incident in the register',
      () => get(tables.incidents, { incidentId: `inc-${report.reportId}` }),
      (item) => item !== undefined,
    );
    expect(incident).toMatchObject({ title: 'Invoices fail (as checkpointed)', owner: 'billing-team' });
    const run = await runOf(report.reportId);
    expect(run).toMatchObject({ status: 'completed', version: 4 });
    expect(run?.records.slice(0, 2)).toEqual(checkpoint.records);
    expect(run?.records.slice(2).map((entry) => entry.stage)).toEqual(['enrich', 'assemble']);
  });

  it('rejects a report with every broken rule listed, its run recorded as failed at the validate stage', async () => {
    const report = {
      reportId: `r-${randomUUID()}`,
      service: 'no such service!',
      kind: 'vibes',
      title: '',
      severity: 2,
      observedAt: new Date().toISOString(),
    };
    await desk.publish('IncidentReported', report, 'ops.monitoring');
    const run = await desk.eventually(
      'the failed run',
      () => runOf(report.reportId),
      (found) => found !== undefined,
    );
    expect(run).toMatchObject({ status: 'failed', failure: { stage: 'validate', errorType: 'validation' } });
    const detail = run?.failure?.detail as { errors?: { rule: string }[] } | undefined;
    expect(detail?.errors?.map((error) => error.rule)).toEqual(['title', 'service', 'kind']);
    expect(await get(tables.incidents, { incidentId: `inc-${report.reportId}` })).toBeUndefined();
  });
});
