import { InMemoryEventDeadLetters } from 'agentbridge/patterns';
import { InMemoryItemStore } from 'agentbridge/stores';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../../examples/ops-desk/intake/messages.js';
import { PAGES_TABLE, Page, pagingBus } from '../../../../examples/ops-desk/paging/agents.js';

const incident = (severity: number, service: string): Incident => ({
  incidentId: `inc-${severity}-${service}`,
  reportId: 'r-1',
  service,
  kind: 'outage',
  title: `${service} is down`,
  severity,
  severityAssumed: false,
  observedAt: '2026-12-02T10:00:00Z',
  recentDeploys: [],
  enrichmentErrors: {},
});

const setup = () => {
  const pages = new InMemoryItemStore({ table: PAGES_TABLE, schema: Page });
  const deadLetters = new InMemoryEventDeadLetters();
  const bus = pagingBus({ pages, deadLetters });
  const publish = (detail: Incident) =>
    bus.publish({ source: 'agentbridge.intake', 'detail-type': 'IncidentOpened', detail });
  const channels = async (detail: Incident) => {
    const found: string[] = [];
    for (const channel of ['pager', 'sms', 'payments-chat', 'ops-log']) {
      if ((await pages.get(`${detail.incidentId}#${channel}`)) !== undefined) found.push(channel);
    }
    return found;
  };
  return { publish, channels, deadLetters };
};

describe('the desk’s paging channels', () => {
  it('pages a sev1 checkout incident on every channel, the payments chat by its relevance', async () => {
    const { publish, channels } = setup();
    await publish(incident(1, 'checkout'));
    expect(await channels(incident(1, 'checkout'))).toEqual(['pager', 'sms', 'payments-chat', 'ops-log']);
  });

  it('pages a minor search incident only in the operations log', async () => {
    const { publish, channels, deadLetters } = setup();
    await publish(incident(4, 'search'));
    expect(await channels(incident(4, 'search'))).toEqual(['ops-log']);
    expect(deadLetters.list()).toEqual([]);
  });

  it('dead-letters the SMS of a sev1 incident of a service without an on-call number, paging the rest', async () => {
    const { publish, channels, deadLetters } = setup();
    await publish(incident(1, 'search'));
    expect(await channels(incident(1, 'search'))).toEqual(['pager', 'ops-log']);
    expect(deadLetters.list()).toEqual([
      expect.objectContaining({
        reason: 'delivery-failed',
        subscriber: 'sms',
        message: 'delivery to sms failed: no on-call number for search',
        event: expect.objectContaining({ detail: incident(1, 'search') }),
      }),
    ]);
  });
});
