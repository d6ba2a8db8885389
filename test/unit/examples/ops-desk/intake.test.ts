import { randomUUID } from 'node:crypto';
import {
  declareAgent,
  defineAgent,
  InProcessRuntime,
  registerAgent,
  TopicId,
  TypeSubscription,
} from 'agentbridge';
import {
  InMemoryItemStore,
  InMemoryPipelineRunStore,
  type PipelineRun,
  type PipelineRunStore,
  StoreUnavailableError,
} from 'agentbridge/stores';
import { describe, expect, it } from 'vitest';
import { INCIDENTS_TABLE, INTAKE_AGENT } from '../../../../examples/ops-desk/intake/agents.js';
import { directoryOf, OPS_DIRECTORY_TABLE } from '../../../../examples/ops-desk/intake/directory.js';
import {
  Incident,
  IncidentOpened,
  type IncidentReport,
  IncidentReported,
  IncidentReportRejected,
} from '../../../../examples/ops-desk/intake/messages.js';
import { ManualClock } from '../../../support/manual-clock.js';

const NOW = Date.UTC(2026, 11, 2, 14, 0);

/** A runs store that fails the save of one version once, as a Lambda cut short before its checkpoint would. */
class CrashingRunStore implements PipelineRunStore {
  readonly inner = new InMemoryPipelineRunStore();
  constructor(private crashAtVersion: number | undefined) {}
  load(runId: string) {
    return this.inner.load(runId);
  }
  async save(run: PipelineRun) {
    if (run.version === this.crashAtVersion) {
      this.crashAtVersion = undefined;
      throw new StoreUnavailableError('pipeline-runs', 'save');
    }
    await this.inner.save(run);
  }
}

async function desk(options: { crashAtVersion?: number; onCall?: boolean } = {}) {
  const runtime = new InProcessRuntime({ logger: { warn: () => undefined, error: () => undefined } });
  const directory = directoryOf((schema) => new InMemoryItemStore({ table: OPS_DIRECTORY_TABLE, schema }));
  const asked: string[] = [];
  const counted = {
    ...directory,
    cmdb: {
      ...directory.cmdb,
      get: (key: string) => {
        asked.push(key);
        return directory.cmdb.get(key);
      },
    },
  };
  await directory.cmdb.put({ entryId: 'cmdb:checkout', owner: 'payments-team', tier: 'tier-1' });
  if (options.onCall !== false) await directory.onCall.put({ entryId: 'oncall:checkout', engineer: 'ana' });
  await directory.deploys.put({
    entryId: 'deploys:checkout',
    deploys: [
      { version: '4.2.0', at: '2026-12-02T13:10:00.000Z' },
      { version: '4.1.0', at: '2026-11-28T09:00:00.000Z' },
    ],
  });
  const incidents = new InMemoryItemStore({ table: INCIDENTS_TABLE, schema: Incident });
  const runs = new CrashingRunStore(options.crashAtVersion);
  const clock = new ManualClock(NOW);
  await registerAgent(runtime, INTAKE_AGENT, {
    runs,
    directory: counted,
    incidents,
    clock,
  });
  const opened: unknown[] = [];
  const rejected: unknown[] = [];
  const observer = declareAgent({
    agentType: 'observer',
    subscriptions: [
      new TypeSubscription(IncidentOpened.name, 'observer'),
      new TypeSubscription(IncidentReportRejected.name, 'observer'),
    ],
    define: () =>
      defineAgent({
        handlers: (on) => [
          on.event(IncidentOpened, (incident) => void opened.push(incident)),
          on.event(IncidentReportRejected, (rejection) => void rejected.push(rejection)),
        ],
      }),
  });
  await registerAgent(runtime, observer, {});
  const report = async (fields: Partial<IncidentReport> = {}) => {
    const sent: IncidentReport = {
      reportId: `r-${randomUUID()}`,
      service: ' Checkout ',
      kind: 'Down',
      title: '  Checkout   returns 503 ',
      severity: 'SEV-2',
      observedAt: '2026-12-02T14:58:00+01:00',
      ...fields,
    };
    await runtime.publish(IncidentReported, sent, new TopicId(IncidentReported.name, 'monitoring'));
    await runtime.waitUntilIdle();
    return sent;
  };
  return { report, opened, rejected, incidents, runs: runs.inner, asked, clock };
}

describe('ops desk intake', () => {
  it('opens a validated, normalised and enriched incident, in the register and as IncidentOpened', async () => {
    const { report, opened, incidents, runs } = await desk();
    const { reportId } = await report();
    const incident = {
      incidentId: `inc-${reportId}`,
      reportId,
      service: 'checkout',
      kind: 'outage',
      title: 'Checkout returns 503',
      severity: 2,
      severityAssumed: false,
      observedAt: '2026-12-02T13:58:00.000Z',
      owner: 'payments-team',
      tier: 'tier-1',
      onCall: 'ana',
      recentDeploys: [{ version: '4.2.0', at: '2026-12-02T13:10:00.000Z' }],
      enrichmentErrors: {},
    };
    expect(opened).toEqual([incident]);
    expect(await incidents.get(incident.incidentId)).toEqual(incident);
    const run = await runs.load(`intake-${reportId}`);
    expect(run?.status).toBe('completed');
    expect(run?.records.map((record) => [record.stage, record.success])).toEqual([
      ['validate', true],
      ['normalise', true],
      ['enrich', true],
      ['assemble', true],
    ]);
  });

  it('opens the incident with <source>_error recorded when one enrichment source fails', async () => {
    const { report, opened } = await desk({ onCall: false });
    await report();
    expect(opened).toEqual([
      expect.objectContaining({
        owner: 'payments-team',
        enrichmentErrors: { oncall: 'nobody is on call for checkout' },
      }),
    ]);
    expect(opened[0]).not.toHaveProperty('onCall');
  });

  it('rejects a report listing every broken rule, naming the validate stage, and opens nothing', async () => {
    const { report, opened, rejected } = await desk();
    const { reportId } = await report({ title: ' ', kind: 'weird', observedAt: 'yesterday' });
    expect(opened).toEqual([]);
    expect(rejected).toEqual([
      {
        reportId,
        stage: 'validate',
        errorType: 'validation',
        message: expect.stringContaining('failed at stage validate'),
        errors: [
          { rule: 'title', message: 'the title is empty' },
          { rule: 'kind', message: expect.stringContaining('"weird" is none of outage') },
          { rule: 'observedAt', message: 'observedAt is not a time' },
        ],
      },
    ]);
  });

  it('assumes sev3 for a severity it does not know, flagged, the normalise stage recorded as recovered', async () => {
    const { report, opened, runs } = await desk();
    const { reportId } = await report({ severity: 'urgent-ish' });
    expect(opened).toEqual([
      expect.objectContaining({ severity: 3, severityAssumed: true, title: 'Checkout returns 503' }),
    ]);
    const normalise = (await runs.load(`intake-${reportId}`))?.records[1];
    expect(normalise).toMatchObject({
      stage: 'normalise',
      success: false,
      recovered: true,
      errorType: 'transformation',
    });
  });

  it('takes a report delivered again without running its stages again, and opens one incident', async () => {
    const { report, opened, asked, runs } = await desk();
    const sent = await report();
    await report(sent);
    expect(asked).toEqual(['cmdb:checkout']);
    expect(opened).toHaveLength(2);
    expect(opened[1]).toEqual(opened[0]);
    expect((await runs.load(`intake-${sent.reportId}`))?.version).toBe(4);
  });

  it('resumes a report cut short before the enrich checkpoint at enrich, not at validate', async () => {
    const { report, opened, asked, runs, clock } = await desk({ crashAtVersion: 3 });
    const sent = await report();
    expect(opened).toEqual([]);
    expect((await runs.load(`intake-${sent.reportId}`))?.nextStage).toBe(2);
    clock.advanceMs(60_000); // the retry comes a minute later
    await report(sent);
    expect(opened).toHaveLength(1);
    expect(asked).toHaveLength(2); // enrich ran again: its checkpoint was lost
    const run = await runs.load(`intake-${sent.reportId}`);
    expect(run?.records.map((record) => [record.stage, record.startedAt])).toEqual([
      ['validate', NOW],
      ['normalise', NOW],
      ['enrich', NOW + 60_000],
      ['assemble', NOW + 60_000],
    ]);
  });
});
