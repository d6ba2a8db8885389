import { declareAgent, defineAgent, fromAgentbridge, TypeSubscription } from 'agentbridge';
import { type AgentPool, conversions, type LegacyAdapter, type LegacyOperation } from 'agentbridge/patterns';
import {
  agentFunctionTables,
  type ItemStore,
  POOL_SLOTS_TABLE,
  TABLE_ACTIONS,
  type TableDefinition,
} from 'agentbridge/stores';
import * as z from 'zod';
import { INTAKE_SOURCE, IncidentOpened } from '../intake/messages.js';

/**
 * The company's old ITSM, which keeps the ticket of record for every incident. Its API speaks its own names
 * and types (`inc_ref`, `prio` as text, `opened_ts` in epoch seconds, `is_major` as `Y`/`N`); the mapping
 * below is declared once and converts both ways.
 */
export const CREATE_TICKET: LegacyOperation = {
  path: '/itsm/api/v2/tickets',
  request: [
    { field: 'incidentId', legacyField: 'inc_ref' },
    { field: 'title', legacyField: 'short_desc' },
    { field: 'severity', legacyField: 'prio', conversion: conversions.numberAsText },
    { field: 'observedAt', legacyField: 'opened_ts', conversion: conversions.epochSeconds },
    { field: 'major', legacyField: 'is_major', conversion: conversions.status({ true: 'Y', false: 'N' }) },
  ],
  response: [
    { field: 'ticketNumber', legacyField: 'ticket_no' },
    { field: 'incidentId', legacyField: 'inc_ref' },
    { field: 'queue', legacyField: 'assignment_grp' },
  ],
  responseSchema: z.object({ ticketNumber: z.string(), incidentId: z.string(), queue: z.string() }),
};

/** The ticket of record of an incident, as the ITSM answered. */
export const Ticket = z.object({
  incidentId: z.string(),
  ticketNumber: z.string(),
  queue: z.string(),
  /** The pool slot's fencing token the ticket was created under. */
  slotToken: z.number(),
});
export type Ticket = z.infer<typeof Ticket>;

export const TICKETS_TABLE: TableDefinition = {
  id: 'ItsmTickets',
  envVar: 'ITSM_TICKETS_TABLE_NAME',
  localName: 'opsdesk-itsm-tickets',
  partitionKey: { name: 'incidentId', type: 'S' },
};

export interface ItsmBridgeDeps {
  readonly itsm: LegacyAdapter;
  /** The ITSM accepts a few concurrent calls from all of the desk's containers together. */
  readonly pool: AgentPool;
  readonly tickets: ItemStore<Ticket>;
}

const ITSM_BRIDGE = 'itsm-bridge';

/**
 * Opens the ITSM ticket of every opened incident: a slot of the ITSM's call pool taken (waiting at most
 * 5 s, then failing transiently so the delivery is retried), the ticket created through the legacy adapter,
 * the slot given back, the ticket number recorded. An incident that already has its ticket is not sent again.
 */
export const ITSM_BRIDGE_AGENT = declareAgent({
  agentType: ITSM_BRIDGE,
  subscriptions: [
    new TypeSubscription(IncidentOpened.name, ITSM_BRIDGE, {
      senders: { [IncidentOpened.name]: fromAgentbridge(INTAKE_SOURCE) },
    }),
  ],
  skipDirectMessageSubscription: true,
  tables: [
    ...agentFunctionTables(ITSM_BRIDGE),
    { table: POOL_SLOTS_TABLE, actions: TABLE_ACTIONS.poolSlots },
    { table: TICKETS_TABLE, actions: TABLE_ACTIONS.items },
  ],
  define: (deps: ItsmBridgeDeps) =>
    defineAgent({
      description: 'Mirrors opened incidents into the legacy ITSM, within its concurrency',
      handlers: (on) => [
        on.event(IncidentOpened, async (incident) => {
          if ((await deps.tickets.get(incident.incidentId)) !== undefined) return;
          const slot = await deps.pool.acquire({ timeoutMs: 5_000 });
          try {
            const ticket = await deps.itsm.call('createTicket', {
              incidentId: incident.incidentId,
              title: incident.title,
              severity: incident.severity,
              observedAt: incident.observedAt,
              major: incident.severity === 1,
            });
            await deps.tickets.put({
              incidentId: incident.incidentId,
              ticketNumber: String(ticket.ticketNumber),
              queue: String(ticket.queue),
              slotToken: slot.fencingToken,
            });
          } finally {
            await slot.release();
          }
        }),
      ],
    }),
});
