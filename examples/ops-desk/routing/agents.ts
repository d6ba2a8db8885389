import {
  AgentbridgeError,
  AgentId,
  type Clock,
  declareAgent,
  defineAgent,
  defineMessage,
  fromAgentbridge,
  TypeSubscription,
} from 'agentbridge';
import { SmartRouter } from 'agentbridge/patterns';
import {
  agentFunctionTables,
  type ItemStore,
  ROUTING_HISTORY_TABLE,
  type RoutingHistoryStore,
  TABLE_ACTIONS,
  type TableDefinition,
} from 'agentbridge/stores';
import * as z from 'zod';
import { OPS_DIRECTORY_TABLE } from '../intake/directory.js';
import { INTAKE_SOURCE, type Incident, IncidentOpened } from '../intake/messages.js';

/** The responder teams an incident can be routed to, each an agent type of its own. */
export const RESPONDER_TEAMS = ['sre', 'platform'] as const;
export type ResponderTeam = (typeof RESPONDER_TEAMS)[number];
export const responderType = (team: ResponderTeam): string => `responder-${team}`;

/** A page to a responder team: the incident, and whether it comes as the router's second choice. */
export const Page = z.object({
  incidentId: z.string(),
  service: z.string(),
  kind: z.string(),
  severity: z.number(),
});
export const Acknowledgement = z.object({
  incidentId: z.string(),
  team: z.string(),
  acknowledgedBy: z.string(),
});
export const PageResponder = defineMessage('PageResponder', Page, { response: Acknowledgement });

/** Which team took an incident, as the dispatcher records it. */
export const Assignment = z.object({
  incidentId: z.string(),
  team: z.string(),
  acknowledgedBy: z.string(),
  score: z.number(),
  fallback: z.boolean(),
});
export type Assignment = z.infer<typeof Assignment>;

export const ASSIGNMENTS_TABLE: TableDefinition = {
  id: 'Assignments',
  envVar: 'ASSIGNMENTS_TABLE_NAME',
  localName: 'opsdesk-assignments',
  partitionKey: { name: 'incidentId', type: 'S' },
};

/** A team's shift, in the desk's directory under `shift:<team>`; a team without one is on shift. */
export const ShiftEntry = z.object({
  entryId: z.string(),
  onShift: z.boolean(),
  onCall: z.string().optional(),
});
export type ShiftEntry = z.infer<typeof ShiftEntry>;

/** A team asked while off shift: the router takes the next best. */
export class ResponderUnavailableError extends AgentbridgeError {
  override readonly name = 'ResponderUnavailableError';
  constructor(readonly team: string) {
    super('RESPONDER_UNAVAILABLE', `${team} is off shift`);
  }
}

export interface DispatchDeps {
  readonly history: RoutingHistoryStore;
  readonly assignments: ItemStore<Assignment>;
  readonly clock?: Clock;
}

const DISPATCH = 'dispatch';

/**
 * Routes every opened incident to the responder team the shared history scores best for it (by service,
 * kind and severity), falls back to the other team when the first cannot take it, and records who took it.
 */
export const DISPATCH_AGENT = declareAgent({
  agentType: DISPATCH,
  subscriptions: [
    new TypeSubscription(IncidentOpened.name, DISPATCH, {
      senders: { [IncidentOpened.name]: fromAgentbridge(INTAKE_SOURCE) },
    }),
  ],
  skipDirectMessageSubscription: true,
  sendsTo: RESPONDER_TEAMS.map(responderType),
  tables: [
    ...agentFunctionTables(DISPATCH),
    { table: ROUTING_HISTORY_TABLE, actions: TABLE_ACTIONS.routingHistory },
    { table: ASSIGNMENTS_TABLE, actions: TABLE_ACTIONS.items },
  ],
  define: (deps: DispatchDeps) =>
    defineAgent({
      description: 'Routes opened incidents to the best responder team, with a fallback',
      handlers: (on) => [
        on.event(IncidentOpened, async (incident: Incident, ctx) => {
          const router = new SmartRouter<Incident, z.infer<typeof Acknowledgement>>({
            name: 'responders',
            history: deps.history,
            ...(deps.clock === undefined ? {} : { clock: deps.clock }),
            candidates: () => RESPONDER_TEAMS.map(responderType),
            features: (request) => ({
              service: request.payload.service,
              kind: request.payload.kind,
              severity: String(request.payload.severity),
            }),
            send: (candidate, request) =>
              ctx.send(
                PageResponder,
                {
                  incidentId: request.payload.incidentId,
                  service: request.payload.service,
                  kind: request.payload.kind,
                  severity: request.payload.severity,
                },
                new AgentId(candidate, request.payload.incidentId),
              ),
          });
          const routed = await router.route({ type: incident.kind, payload: incident });
          await deps.assignments.put({
            incidentId: incident.incidentId,
            team: routed.result.team,
            acknowledgedBy: routed.result.acknowledgedBy,
            score: routed.score,
            fallback: routed.fallback,
          });
        }),
      ],
    }),
});

/** A responder team: acknowledges a page while on shift, refuses it (ResponderUnavailable) off shift. */
export const responderAgent = (team: ResponderTeam) =>
  declareAgent({
    agentType: responderType(team),
    skipDirectMessageSubscription: true,
    tables: [
      ...agentFunctionTables(responderType(team)),
      { table: OPS_DIRECTORY_TABLE, actions: ['dynamodb:GetItem'] },
    ],
    define: ({ shifts }: { shifts: ItemStore<ShiftEntry> }) =>
      defineAgent({
        description: `The ${team} team's pager`,
        handlers: (on) => [
          on.rpc(PageResponder, async (page) => {
            const shift = await shifts.get(`shift:${team}`);
            if (shift?.onShift === false) throw new ResponderUnavailableError(team);
            return { incidentId: page.incidentId, team, acknowledgedBy: shift?.onCall ?? `${team}-on-call` };
          }),
        ],
      }),
  });

export const RESPONDER_AGENTS = RESPONDER_TEAMS.map(responderAgent);
