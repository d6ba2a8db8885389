import { defineMessage, sourceFor } from 'agentbridge';
import * as z from 'zod';

/** Report and incident ids become DynamoDB keys and topic sources: a short, plain alphabet. */
const Id = z.string().regex(/^[\w-]{1,64}$/, 'letters, digits, _ and - only');

/**
 * What monitoring puts on the desk's bus (detail-type `IncidentReported`, source `ops.monitoring`). Only its
 * shape is checked here; what it must mean (a known kind, a severity, a time not in the future) is the intake
 * pipeline's validation stage, which lists every broken rule at once.
 */
export const IncidentReport = z.object({
  reportId: Id,
  service: z.string().max(128),
  kind: z.string().max(64),
  title: z.string().max(500),
  /** `sev1`…`sev4`, `1`…`4`, or a word (`critical`, `major`, `minor`, `low`). */
  severity: z.union([z.string().max(32), z.number()]),
  observedAt: z.string().max(64),
  description: z.string().max(4_000).optional(),
});
export type IncidentReport = z.infer<typeof IncidentReport>;
export const IncidentReported = defineMessage('IncidentReported', IncidentReport);

/** The source monitoring publishes reports from. */
export const MONITORING_SOURCE = 'ops.monitoring';

/** Incident kinds the desk routes: responders are chosen per kind. */
export const INCIDENT_KINDS = ['outage', 'latency', 'error-rate', 'capacity', 'security'] as const;

/** An incident the desk has opened: the report validated, normalised and enriched. */
export const Incident = z.object({
  incidentId: Id,
  reportId: Id,
  service: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  title: z.string(),
  /** 1 (critical) … 4 (low). */
  severity: z.number().int().min(1).max(4),
  /** True when the report's severity was not one the desk knows and sev3 was assumed. */
  severityAssumed: z.boolean(),
  observedAt: z.string(),
  /** From the CMDB; undefined when it did not answer. */
  owner: z.string().optional(),
  tier: z.string().optional(),
  /** Who is on call for the service now. */
  onCall: z.string().optional(),
  recentDeploys: z.array(z.object({ version: z.string(), at: z.string() })),
  /** Enrichment sources that failed, with their message (`cmdb`, `oncall`, `deploys`). */
  enrichmentErrors: z.record(z.string(), z.string()),
});
export type Incident = z.infer<typeof Incident>;

/**
 * Published by the intake agent (source `agentbridge.intake`) once an incident is opened; routing and the
 * other areas consume it. At least once: a report delivered again publishes it again under the same
 * message id, so exactly-once consumers apply it once.
 */
export const IncidentOpened = defineMessage('IncidentOpened', Incident);

/** Published when a report fails the intake pipeline: the stage, the error type and every broken rule. */
export const IncidentReportRejected = defineMessage(
  'IncidentReportRejected',
  z.object({
    reportId: Id,
    stage: z.string(),
    errorType: z.string(),
    message: z.string(),
    errors: z.array(z.object({ rule: z.string(), message: z.string() })),
  }),
);

/** The intake agent's type and the source its events carry. */
export const INTAKE_AGENT_TYPE = 'intake';
export const INTAKE_SOURCE = sourceFor(INTAKE_AGENT_TYPE);
