import {
  AgentId,
  declareAgent,
  defineAgent,
  defineMessage,
  fromProducer,
  TypeSubscription,
} from 'agentbridge';
import { agentFunctionTables, type ItemStore, TABLE_ACTIONS, type TableDefinition } from 'agentbridge/stores';
import * as z from 'zod';

/** Ticket ids become agent keys and DynamoDB keys: a short, plain alphabet. */
const TicketId = z.string().regex(/^[\w-]{1,64}$/, 'letters, digits, _ and - only');
const Ticket = z.object({ ticketId: TicketId, subject: z.string().min(1), body: z.string() });
/** What the support desk puts on the bus (detail-type `TicketOpened`, source `support.desk`). */
export const TicketOpened = defineMessage('TicketOpened', Ticket);

export const Assignment = z.object({
  ticketId: TicketId,
  team: z.enum(['billing', 'technical', 'general']),
  priority: z.enum(['urgent', 'normal']),
});
export type Assignment = z.infer<typeof Assignment>;
export const AssignTicket = defineMessage('AssignTicket', Assignment, { response: Assignment });

/** One assignment per ticket, under its id. */
export const TICKETS_TABLE: TableDefinition = {
  id: 'Tickets',
  envVar: 'TICKETS_TABLE_NAME',
  localName: 'support-tickets',
  partitionKey: { name: 'ticketId', type: 'S' },
};

const WORDS = { billing: /invoice|refund|charge/, technical: /error|crash|bug|log ?in/ };

/** Keyword triage: the first team whose words the ticket uses, urgent when it says so. */
export function classify({ ticketId, subject, body }: z.infer<typeof Ticket>): Assignment {
  const text = `${subject} ${body}`.toLowerCase();
  const team = (['billing', 'technical'] as const).find((name) => WORDS[name].test(text)) ?? 'general';
  return { ticketId, team, priority: /urgent|outage|down\b/.test(text) ? 'urgent' : 'normal' };
}

/** Hears every ticket the desk opens, and asks the assignment agent (keyed by ticket) to record its team. */
export const TRIAGE_AGENT = declareAgent({
  agentType: 'triage',
  subscriptions: [
    new TypeSubscription('TicketOpened', 'triage', { senders: { TicketOpened: fromProducer() } }),
  ],
  tables: agentFunctionTables('triage'),
  sendsTo: ['assignment'],
  define: () =>
    defineAgent({
      handlers: (on) => [
        on.event(TicketOpened, async (ticket, ctx) => {
          await ctx.send(AssignTicket, classify(ticket), new AgentId('assignment', ticket.ticketId));
        }),
      ],
    }),
});

/** Records an assignment in the tickets table and answers with it. */
export const ASSIGNMENT_AGENT = declareAgent({
  agentType: 'assignment',
  skipDirectMessageSubscription: true, // reached by `send` alone: no rule for "assignment:"
  tables: [...agentFunctionTables('assignment'), { table: TICKETS_TABLE, actions: TABLE_ACTIONS.items }],
  define: ({ tickets }: { tickets: ItemStore<Assignment> }) =>
    defineAgent({
      handlers: (on) => [
        on.rpc(AssignTicket, async (assignment) => {
          await tickets.put(assignment);
          return assignment;
        }),
      ],
    }),
});
