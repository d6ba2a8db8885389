import { type Clock, systemClock } from 'agentbridge';
import type { AgentSpec } from 'agentbridge/cdk';
import { declareMetrics, type MetricSource, memoryUsedMegabytes } from 'agentbridge/patterns';
import { INCIDENTS_TABLE } from '../intake/agents.js';
import { ASSIGNMENTS_TABLE } from '../routing/agents.js';

/**
 * The desk's health, collected every minute: how many incidents wait for a responder, how long the longest
 * has waited, how often enrichment failed, and the collector's own memory; with the alert rules the desk is
 * paged on.
 */
export const DESK_HEALTH = declareMetrics({
  collector: 'desk-health',
  metrics: [
    { name: 'IncidentBacklog', unit: 'Count', description: 'Incidents no responder has taken' },
    { name: 'ResponderWait', unit: 'Seconds', description: 'Longest wait of an untaken incident' },
    { name: 'EnrichmentErrorRate', unit: 'Percent', description: 'Incidents with a failed enrichment' },
    { name: 'CollectorMemory', unit: 'Megabytes', description: 'Memory of the health collector' },
  ],
  alerts: [
    {
      name: 'IncidentBacklogHigh',
      description: 'more than 20 incidents waited for a responder in 3 of the last 5 minutes',
      metric: 'IncidentBacklog',
      statistic: 'Maximum',
      comparison: 'GreaterThanThreshold',
      threshold: 20,
      periodSeconds: 60,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
    },
    {
      name: 'ResponderWaitLong',
      description: 'an incident waited more than 15 minutes for a responder, 2 minutes running',
      metric: 'ResponderWait',
      statistic: 'Maximum',
      comparison: 'GreaterThanThreshold',
      threshold: 900,
      periodSeconds: 60,
      evaluationPeriods: 2,
      treatMissingData: 'notBreaching',
    },
    {
      name: 'EnrichmentFailing',
      description: 'over 10 % of incidents lacked enrichment, on average over 3 periods of 5 minutes',
      metric: 'EnrichmentErrorRate',
      statistic: 'Average',
      comparison: 'GreaterThanThreshold',
      threshold: 10,
      periodSeconds: 300,
      evaluationPeriods: 3,
      treatMissingData: 'ignore',
    },
  ],
});

/** An incident as the health collector reads it from the register. */
export interface RegisteredIncident {
  readonly incidentId: string;
  readonly observedAt: string;
  readonly enrichmentFailed: boolean;
}

/** The desk's register as the health collector reads it. */
export interface DeskRegister {
  incidents(): Promise<readonly RegisteredIncident[]>;
  /** The incidents a responder has taken. */
  taken(): Promise<ReadonlySet<string>>;
}

/** Where the collector reads: the incident register and the dispatcher's assignments, scanned only. */
export const DESK_HEALTH_AGENT: AgentSpec = {
  agentType: DESK_HEALTH.collector,
  hostsAgent: false,
  skipDirectMessageSubscription: true,
  tables: [
    { table: INCIDENTS_TABLE, actions: ['dynamodb:Scan'] },
    { table: ASSIGNMENTS_TABLE, actions: ['dynamodb:Scan'] },
  ],
};

/**
 * The sources of {@link DESK_HEALTH}: the register is read once per collection (a reading, failed or not, is
 * reused for a second, so a retry 5 s later reads again) and shared by the three desk metrics. No
 * waiting incident is a wait of 0 s, not missing data, so the wait rule sees a healthy desk.
 */
export function deskHealthSources(
  register: DeskRegister,
  clock: Clock = systemClock,
): Record<string, MetricSource> {
  type Reading = { readonly all: readonly RegisteredIncident[]; readonly waiting: RegisteredIncident[] };
  let cached: { readonly at: number; readonly reading: Promise<Reading> } | undefined;
  const read = (): Promise<Reading> => {
    const now = clock.now();
    if (cached === undefined || now - cached.at >= 1_000) {
      const reading = Promise.all([register.incidents(), register.taken()]).then(([all, taken]) => ({
        all,
        waiting: all.filter((incident) => !taken.has(incident.incidentId)),
      }));
      cached = { at: now, reading };
    }
    return cached.reading;
  };
  return {
    IncidentBacklog: async () => (await read()).waiting.length,
    ResponderWait: async () => {
      const { waiting } = await read();
      if (waiting.length === 0) return 0;
      const oldest = Math.min(...waiting.map((incident) => Date.parse(incident.observedAt)));
      return Math.max(0, Math.round((clock.now() - oldest) / 1_000));
    },
    EnrichmentErrorRate: async () => {
      const { all } = await read();
      if (all.length === 0) return undefined;
      return (100 * all.filter((incident) => incident.enrichmentFailed).length) / all.length;
    },
    CollectorMemory: memoryUsedMegabytes(),
  };
}
