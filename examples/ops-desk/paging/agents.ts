import { declareAgent, defineAgent, fromAgentbridge, TypeSubscription } from 'agentbridge';
import { type EventDeadLetters, type EventSubscriber, FilteringEventBus } from 'agentbridge/patterns';
import { agentFunctionTables, type ItemStore, TABLE_ACTIONS, type TableDefinition } from 'agentbridge/stores';
import * as z from 'zod';
import { INTAKE_SOURCE, type Incident, IncidentOpened } from '../intake/messages.js';

/** One page sent on a channel for an incident (`pageId` = `<incidentId>#<channel>`). */
export const Page = z.object({
  pageId: z.string(),
  incidentId: z.string(),
  channel: z.string(),
  text: z.string(),
});
export type Page = z.infer<typeof Page>;

export const PAGES_TABLE: TableDefinition = {
  id: 'PagingPages',
  envVar: 'PAGING_PAGES_TABLE_NAME',
  localName: 'opsdesk-paging-pages',
  partitionKey: { name: 'pageId', type: 'S' },
};

/** Where the paging agent's failed deliveries go, original incident event whole. */
export const PAGING_DEAD_LETTERS_URL = 'PAGING_DEAD_LETTERS_URL';

/** The on-call phone numbers by service: a service without one cannot be paged by SMS. */
export const ON_CALL_NUMBERS: Readonly<Record<string, string>> = {
  checkout: '+44 20 7946 0001',
  payments: '+44 20 7946 0002',
};

/** How much an incident of each service concerns the payments team's chat channel. */
export const PAYMENTS_RELEVANCE: Readonly<Record<string, number>> = {
  checkout: 0.9,
  payments: 0.95,
  search: 0.2,
};

export interface PagingDeps {
  readonly pages: ItemStore<Page>;
  readonly deadLetters: EventDeadLetters;
}

const channel = (
  name: string,
  pages: ItemStore<Page>,
  send?: (incident: Incident) => void,
): EventSubscriber => ({
  name,
  handle: async (event) => {
    const incident = event.detail as Incident;
    send?.(incident);
    await pages.put({
      pageId: `${incident.incidentId}#${name}`,
      incidentId: incident.incidentId,
      channel: name,
      text: `sev${incident.severity} ${incident.service}: ${incident.title}`,
    });
  },
});

/**
 * The desk's on-call channels as subscribers of one event bus: the pager takes sev1 and sev2 incidents (an
 * EventBridge pattern), SMS takes sev1 incidents of services with an on-call number (and fails for the others,
 * which are dead-lettered), the payments team's chat takes what its relevance model scores above 0.7, and the
 * operations log takes everything.
 */
export function pagingBus(deps: PagingDeps): FilteringEventBus {
  const bus = new FilteringEventBus({ deadLetters: deps.deadLetters });
  const type = IncidentOpened.name;
  bus.subscribe(type, channel('pager', deps.pages), {
    filter: { detail: { severity: [{ numeric: ['<=', 2] }] } },
  });
  const sms = channel('sms', deps.pages, (incident) => {
    if (ON_CALL_NUMBERS[incident.service] === undefined)
      throw new Error(`no on-call number for ${incident.service}`);
  });
  bus.subscribe(type, sms, { filter: { detail: { severity: [1] } } });
  bus.subscribe(type, channel('payments-chat', deps.pages), {
    scoring: { score: (event) => PAYMENTS_RELEVANCE[(event.detail as Incident).service] ?? 0 },
  });
  bus.subscribe(type, channel('ops-log', deps.pages));
  return bus;
}

const PAGING = 'paging';

/** Fans every opened incident out to the on-call channels that want it; failed deliveries are dead-lettered. */
export const PAGING_AGENT = declareAgent({
  agentType: PAGING,
  subscriptions: [
    new TypeSubscription(IncidentOpened.name, PAGING, {
      senders: { [IncidentOpened.name]: fromAgentbridge(INTAKE_SOURCE) },
    }),
  ],
  skipDirectMessageSubscription: true,
  tables: [...agentFunctionTables(PAGING), { table: PAGES_TABLE, actions: TABLE_ACTIONS.items }],
  define: (deps: PagingDeps) => {
    const bus = pagingBus(deps);
    return defineAgent({
      description: 'Pages the on-call channels of every opened incident',
      handlers: (on) => [
        on.event(IncidentOpened, async (incident, ctx) => {
          await bus.publish({
            id: ctx.messageId,
            source: INTAKE_SOURCE,
            'detail-type': IncidentOpened.name,
            detail: incident,
          });
        }),
      ],
    });
  },
});
