import { InProcessRuntime, registerAgent, TopicId } from 'agentbridge';
import { InMemoryItemStore } from 'agentbridge/stores';
import { ASSIGNMENT_AGENT, Assignment, TICKETS_TABLE, TicketOpened, TRIAGE_AGENT } from './agents.js';

// The same declarations in one process, the tickets table in memory.
const runtime = new InProcessRuntime();
const tickets = new InMemoryItemStore({ table: TICKETS_TABLE, schema: Assignment });
await registerAgent(runtime, TRIAGE_AGENT, {});
await registerAgent(runtime, ASSIGNMENT_AGENT, { tickets });

const desk = new TopicId('TicketOpened', 'desk');
const ticket = { ticketId: 'T-1001', subject: 'Refund, urgent', body: 'I was charged twice' };
await runtime.publish(TicketOpened, ticket, desk);
await runtime.waitUntilIdle();
console.log(await tickets.get('T-1001'));
// A malformed ticket is refused with a typed error, before any agent sees it.
const bad = { ticketId: 'T 1002', subject: '', body: '' };
await runtime.publish(TicketOpened, bad, desk).catch((error: Error) => console.log(error.message));
