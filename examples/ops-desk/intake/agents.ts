import { type Clock, declareAgent, defineAgent, fromProducer, TopicId, TypeSubscription } from 'agentbridge';
import { type PatternMetrics, PipelineFailedError } from 'agentbridge/patterns';
import {
  agentFunctionTables,
  type ItemStore,
  PIPELINE_RUNS_TABLE,
  type PipelineRunStore,
  TABLE_ACTIONS,
  type TableDefinition,
} from 'agentbridge/stores';
import * as z from 'zod';
import { type Directory, OPS_DIRECTORY_TABLE } from './directory.js';
import { draftOf, intakePipeline } from './intake-pipeline.js';
import {
  INTAKE_AGENT_TYPE,
  type Incident,
  IncidentOpened,
  IncidentReported,
  IncidentReportRejected,
} from './messages.js';

/** The desk's register of opened incidents, one item per incident. */
export const INCIDENTS_TABLE: TableDefinition = {
  id: 'Incidents',
  envVar: 'INCIDENTS_TABLE_NAME',
  localName: 'opsdesk-incidents',
  partitionKey: { name: 'incidentId', type: 'S' },
};

/** What the intake agent is built from. */
export interface IntakeAgentDeps {
  readonly runs: PipelineRunStore;
  readonly directory: Directory;
  readonly incidents: ItemStore<Incident>;
  readonly clock: Clock;
  readonly metrics?: PatternMetrics;
}

/** A validation stage's detail: every broken rule. Other stages' details list none. */
const RuleErrors = z.object({ errors: z.array(z.object({ rule: z.string(), message: z.string() })) });
const errorsOf = (detail: unknown) => RuleErrors.safeParse(detail).data?.errors ?? [];

/**
 * Takes in every incident report monitoring publishes: the intake pipeline (validate, normalise, enrich,
 * assemble; checkpointed per report in the pipeline runs table) opens the incident in the register and
 * publishes `IncidentOpened`, or publishes `IncidentReportRejected` naming the stage and every broken rule.
 * A report delivered again (a Lambda retry after a timeout, monitoring resending) resumes or replays its run:
 * no stage runs twice, and the event goes out again under the same message id.
 */
export const INTAKE_AGENT = declareAgent({
  agentType: INTAKE_AGENT_TYPE,
  subscriptions: [
    new TypeSubscription(IncidentReported.name, INTAKE_AGENT_TYPE, {
      senders: { [IncidentReported.name]: fromProducer() },
    }),
  ],
  skipDirectMessageSubscription: true,
  publishes: true,
  tables: [
    ...agentFunctionTables(INTAKE_AGENT_TYPE),
    { table: PIPELINE_RUNS_TABLE, actions: TABLE_ACTIONS.pipelineRuns },
    { table: OPS_DIRECTORY_TABLE, actions: ['dynamodb:GetItem'] },
    { table: INCIDENTS_TABLE, actions: TABLE_ACTIONS.items },
  ],
  define: (deps: IntakeAgentDeps) => {
    const intake = intakePipeline(deps);
    return defineAgent({
      description: 'Incident intake: validates, normalises and enriches reports, then opens incidents',
      handlers: (on) => [
        on.event(IncidentReported, async (report, ctx) => {
          try {
            const { output: incident } = await intake.run(`intake-${report.reportId}`, draftOf(report));
            await deps.incidents.put(incident);
            await ctx.publish(
              IncidentOpened,
              incident,
              new TopicId(IncidentOpened.name, incident.incidentId),
              {
                messageId: `opened-${incident.incidentId}`,
              },
            );
          } catch (error) {
            if (!(error instanceof PipelineFailedError)) throw error;
            const rejection = {
              reportId: report.reportId,
              stage: error.stage,
              errorType: error.errorType,
              message: error.message,
              errors: errorsOf(error.detail),
            };
            await ctx.publish(
              IncidentReportRejected,
              rejection,
              new TopicId(IncidentReportRejected.name, report.reportId),
              {
                messageId: `rejected-${report.reportId}`,
              },
            );
          }
        }),
      ],
    });
  },
});
