import { defineMessage } from 'agentbridge';
import * as z from 'zod';

/** The source operators' tools (dashboards, the incident review board) publish enrichment requests from. */
export const OPS_TOOLS_SOURCE = 'ops.tools';

/** What one request asks about a service: its configuration item in the CMDB, or one of its metrics. */
export const LOOKUPS = ['configuration', 'error-rate', 'latency-p95'] as const;

/**
 * One incident's enrichment lookup, put on the desk's bus by an operators' tool (detail-type
 * `EnrichmentRequested`, source `ops.tools`). The tool picks `requestId` and reads its result under it from
 * the results table; a review of many incidents sends one request per incident and lookup.
 */
export const EnrichmentRequest = z.object({
  requestId: z.string().regex(/^[\w:.-]{1,128}$/, 'letters, digits, _ : . and - only'),
  incidentId: z.string().max(64),
  service: z.string().min(1).max(128),
  lookup: z.enum(LOOKUPS),
  /** 1 (critical) … 4 (low): sev1 and sev2 lookups are batched apart from the rest, as urgent. */
  severity: z.number().int().min(1).max(4),
  /** The moment a metric is read at; the CMDB ignores it. */
  at: z.string().datetime({ offset: true }).optional(),
});
export type EnrichmentRequest = z.infer<typeof EnrichmentRequest>;
export const EnrichmentRequested = defineMessage('EnrichmentRequested', EnrichmentRequest);

/** What a lookup answers: a configuration item, or a metric's value. */
export const Enrichment = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('configuration'),
    service: z.string(),
    owner: z.string(),
    tier: z.string(),
    dependencies: z.array(z.string()),
  }),
  z.object({ kind: z.literal('metric'), service: z.string(), metric: z.string(), value: z.number() }),
]);
export type Enrichment = z.infer<typeof Enrichment>;
