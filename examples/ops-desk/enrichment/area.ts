import { fileURLToPath } from 'node:url';
import { BATCH_RESULTS_TABLE } from 'agentbridge/stores';
import { Duration } from 'aws-cdk-lib';
import type { OpsDeskArea } from '../area.js';
import { ENRICHER_AGENT, ENRICHMENT_BATCH_SIZE } from './agents.js';
import { EnrichmentRequested, OPS_TOOLS_SOURCE } from './messages.js';

/** Where the CMDB is, from CDK context `opsdesk:cmdbUrl` (the company's CMDB by default). */
const CMDB_URL_CONTEXT = 'opsdesk:cmdbUrl';

/**
 * Enrichment: operators' tools ask for many incidents' CMDB items and metrics at once; the enricher takes the
 * requests from its queue in batches (up to 50, gathered for up to 2 s) and makes one CMDB call per group.
 */
export const ENRICHMENT_AREA: OpsDeskArea = {
  name: 'enrichment',
  producerSources: { [EnrichmentRequested.name]: OPS_TOOLS_SOURCE },
  tables: [BATCH_RESULTS_TABLE],
  deploy(bridge) {
    const url = bridge.node.tryGetContext(CMDB_URL_CONTEXT);
    bridge.addAgent(ENRICHER_AGENT, {
      entry: fileURLToPath(new URL('./handlers/incident-enricher.ts', import.meta.url)),
      functionProps: {
        environment: { CMDB_URL: typeof url === 'string' ? url : 'https://cmdb.internal.example.com' },
      },
      queue: {
        batchSize: ENRICHMENT_BATCH_SIZE,
        maxBatchingWindow: Duration.seconds(2),
        maxReceiveCount: 3,
        maxConcurrency: 2,
      },
    });
  },
};
