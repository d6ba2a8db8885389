import { fileURLToPath } from 'node:url';
import { DeadLetterQueue } from 'agentbridge/cdk';
import type { OpsDeskArea } from '../area.js';
import { PAGES_TABLE, PAGING_AGENT, PAGING_DEAD_LETTERS_URL } from './agents.js';

/** Paging: the on-call channels of every opened incident, each with its filter; failed pages dead-lettered. */
export const PAGING_AREA: OpsDeskArea = {
  name: 'paging',
  tables: [PAGES_TABLE],
  deploy(bridge) {
    const deadLetters = new DeadLetterQueue(bridge, 'PagingDeadLetters', {
      deadLettersOf: 'paging deliveries',
    });
    bridge.monitoring.watchQueue('PagingDeadLetters', deadLetters);
    const paging = bridge.addAgent(PAGING_AGENT, {
      entry: fileURLToPath(new URL('./handlers/paging.ts', import.meta.url)),
      functionProps: { environment: { [PAGING_DEAD_LETTERS_URL]: deadLetters.queueUrl } },
    });
    deadLetters.grantSendMessages(paging.agentFunction.function);
  },
};
