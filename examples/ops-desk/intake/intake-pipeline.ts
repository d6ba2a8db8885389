import type { Clock } from 'agentbridge';
import {
  type Enriched,
  enrichmentStage,
  type PatternMetrics,
  type Pipeline,
  pipeline,
  type Stage,
  stageOutput,
  transformationStage,
  validationStage,
} from 'agentbridge/patterns';
import type { PipelineRunStore } from 'agentbridge/stores';
import * as z from 'zod';
import type { Directory } from './directory.js';
import { INCIDENT_KINDS, type Incident, type IncidentReport } from './messages.js';

/** A report on its way through intake: the severity becomes a number in `normalise`. */
export type Draft = Omit<IncidentReport, 'severity'> & {
  readonly severity: string | number;
  readonly severityAssumed: boolean;
};

const KIND_SYNONYMS: Readonly<Record<string, (typeof INCIDENT_KINDS)[number]>> = {
  down: 'outage',
  unavailable: 'outage',
  slow: 'latency',
  errors: 'error-rate',
  '5xx': 'error-rate',
  'disk-full': 'capacity',
  saturation: 'capacity',
  intrusion: 'security',
};
const SEVERITY_WORDS: Readonly<Record<string, number>> = { critical: 1, major: 2, minor: 3, low: 4 };
const kindOf = (raw: string): string => {
  const kind = raw.trim().toLowerCase();
  return KIND_SYNONYMS[kind] ?? kind;
};

/** The draft as the report came, before any stage. */
export const draftOf = (report: IncidentReport): Draft => ({ ...report, severityAssumed: false });

/** Every rule a report must keep; all broken ones are reported together. */
const validate = (clock: Clock): Stage<Draft, Draft> =>
  validationStage<Draft>('validate', [
    { name: 'title', check: (r) => (r.title.trim() === '' ? 'the title is empty' : undefined) },
    {
      name: 'service',
      check: (r) =>
        /^[a-z0-9][a-z0-9-]{0,62}$/i.test(r.service.trim()) ? undefined : 'the service is not a service name',
    },
    {
      name: 'kind',
      check: (r) =>
        (INCIDENT_KINDS as readonly string[]).includes(kindOf(r.kind))
          ? undefined
          : `the kind ${JSON.stringify(r.kind)} is none of ${INCIDENT_KINDS.join(', ')}`,
    },
    {
      name: 'severity',
      check: (r) => (String(r.severity).trim() === '' ? 'the severity is missing' : undefined),
    },
    {
      name: 'observedAt',
      check: (r) => {
        const at = Date.parse(r.observedAt);
        if (Number.isNaN(at)) return 'observedAt is not a time';
        return at > clock.now() + 5 * 60_000 ? 'observedAt is in the future' : undefined;
      },
    },
  ]);

/** The severity as a number: `sev2`, `SEV-2`, `P2`, `2` and `major` are all 2; anything else throws. */
function severityOf(raw: string | number): number {
  const text = String(raw).trim().toLowerCase();
  const level = SEVERITY_WORDS[text] ?? Number(text.replace(/^(sev-?|p)/, ''));
  if (!Number.isInteger(level) || level < 1 || level > 4)
    throw new Error(`unknown severity ${JSON.stringify(raw)}`);
  return level;
}

const NORMALISE_RULES = [
  { name: 'trim-title', apply: (r: Draft): Draft => ({ ...r, title: r.title.trim().replace(/\s+/g, ' ') }) },
  { name: 'service-name', apply: (r: Draft): Draft => ({ ...r, service: r.service.trim().toLowerCase() }) },
  { name: 'kind', apply: (r: Draft): Draft => ({ ...r, kind: kindOf(r.kind) }) },
  {
    name: 'observed-utc',
    apply: (r: Draft): Draft => ({ ...r, observedAt: new Date(r.observedAt).toISOString() }),
  },
  { name: 'severity', apply: (r: Draft): Draft => ({ ...r, severity: severityOf(r.severity) }) },
];
const normalise = transformationStage<Draft>('normalise', NORMALISE_RULES);

const DAY_MS = 24 * 60 * 60_000;

/** The CMDB, the on-call rota and the deploy log, asked at once. */
const enrich = (directory: Directory): Stage<Draft, Enriched<Draft>> =>
  enrichmentStage<Draft>('enrich', [
    {
      name: 'cmdb',
      fetch: async ({ service }) => {
        const entry = await directory.cmdb.get(`cmdb:${service}`);
        if (entry === undefined) throw new Error(`the CMDB has no ${service}`);
        return { owner: entry.owner, tier: entry.tier };
      },
    },
    {
      name: 'oncall',
      fetch: async ({ service }) => {
        const entry = await directory.onCall.get(`oncall:${service}`);
        if (entry === undefined) throw new Error(`nobody is on call for ${service}`);
        return { engineer: entry.engineer };
      },
    },
    {
      name: 'deploys',
      fetch: async ({ service, observedAt }) => {
        const entry = await directory.deploys.get(`deploys:${service}`);
        const since = Date.parse(observedAt) - DAY_MS;
        return (entry?.deploys ?? []).filter((deploy) => Date.parse(deploy.at) >= since);
      },
    },
  ]);

const Cmdb = z.object({ owner: z.string(), tier: z.string() });
const OnCall = z.object({ engineer: z.string() });
const Deploys = z.array(z.object({ version: z.string(), at: z.string() }));

/** The incident as the desk opens it, from the enriched draft. */
const assemble: Stage<Enriched<Draft>, Incident> = {
  name: 'assemble',
  run: (draft) => {
    const cmdb = Cmdb.safeParse(draft.cmdb_data);
    const onCall = OnCall.safeParse(draft.oncall_data);
    const errors = Object.fromEntries(
      ['cmdb', 'oncall', 'deploys'].flatMap((source) => {
        const message = draft[`${source}_error`];
        return message === undefined ? [] : [[source, message]];
      }),
    );
    return stageOutput({
      incidentId: `inc-${draft.reportId}`,
      reportId: draft.reportId,
      service: draft.service,
      kind: draft.kind as Incident['kind'],
      title: draft.title,
      severity: Number(draft.severity),
      severityAssumed: draft.severityAssumed,
      observedAt: draft.observedAt,
      ...(cmdb.success ? { owner: cmdb.data.owner, tier: cmdb.data.tier } : {}),
      ...(onCall.success ? { onCall: onCall.data.engineer } : {}),
      recentDeploys: Deploys.safeParse(draft.deploys_data).data ?? [],
      enrichmentErrors: errors,
    });
  },
};

/** What the intake pipeline runs on. */
export interface IntakeDeps {
  readonly runs: PipelineRunStore;
  readonly directory: Directory;
  readonly clock: Clock;
  readonly metrics?: PatternMetrics;
}

/**
 * The intake pipeline: validate (every broken rule listed) → normalise (rules in order; an unknown severity is
 * recovered as sev3, flagged) → enrich (CMDB, on-call and deploys in parallel) → assemble the incident.
 */
export function intakePipeline(deps: IntakeDeps): Pipeline<Draft, Incident> {
  return pipeline<Draft>('incident-intake')
    .stage(validate(deps.clock))
    .stage(normalise, {
      recover: {
        transformation: (error, draft) =>
          error.detail !== null &&
          typeof error.detail === 'object' &&
          'rule' in error.detail &&
          error.detail.rule === 'severity'
            ? {
                recovered: {
                  ...NORMALISE_RULES.slice(0, -1).reduce((d, rule) => rule.apply(d), draft),
                  severity: 3,
                  severityAssumed: true,
                },
              }
            : undefined,
      },
    })
    .stage(enrich(deps.directory))
    .stage(assemble)
    .build({ runs: deps.runs, clock: deps.clock, metrics: deps.metrics });
}
