import { FilteringEventBus, InMemoryEventDeadLetters } from 'agentbridge/patterns';

const deadLetters = new InMemoryEventDeadLetters(); // SqsEventDeadLetters on Lambda: the events as bodies
const bus = new FilteringEventBus({ deadLetters });
const pager = { name: 'pager', handle: () => console.log('paged') };
bus.subscribe('IncidentOpened', pager, { filter: { detail: { severity: [{ numeric: ['<=', 2] }] } } });
const sms = { name: 'sms', handle: () => Promise.reject(new Error('no on-call number')) };
bus.subscribe('IncidentOpened', sms, { scoring: { score: () => 0.9 } }); // delivered when > 0.7
const minor = await bus.publish({ source: 'ops', 'detail-type': 'IncidentOpened', detail: { severity: 4 } });
console.log('minor:', minor.filteredOut.length, 'filtered out,', minor.failed.length, 'failed');
await bus.publish({ source: 'ops', 'detail-type': 'IncidentOpened', detail: { severity: 1 } });
await bus.publish({ source: 'ops', 'detail-type': 'ServiceDegraded', detail: { service: 'search' } });
for (const letter of deadLetters.list()) console.log(letter.reason, letter.message, letter.event.detail);
const { delivered, failed, unrouted } = bus.stats();
console.log({ delivered, failed, unrouted });
