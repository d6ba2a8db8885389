import { requiredEnv } from 'agentbridge/aws';
import { queuedBatchHandler, queuedBatchWiring } from 'agentbridge/lambda';
import { BatchResultRecordSchema } from 'agentbridge/patterns';
import { BATCH_RESULTS_TABLE, DynamoDbItemStore } from 'agentbridge/stores';
import { ENRICHER_AGENT, enrichmentAggregator, enrichmentRequestOf } from '../agents.js';
import { CmdbClient } from '../cmdb-client.js';
import { EnrichmentRequested } from '../messages.js';

const wiring = queuedBatchWiring(ENRICHER_AGENT.agentType);

export const handler = queuedBatchHandler(
  ENRICHER_AGENT,
  {
    message: EnrichmentRequested,
    aggregator: enrichmentAggregator(new CmdbClient(requiredEnv(process.env, 'CMDB_URL'))),
    requestOf: enrichmentRequestOf,
    results: new DynamoDbItemStore({
      documentClient: wiring.documentClient,
      tableName: wiring.tableName(BATCH_RESULTS_TABLE),
      table: BATCH_RESULTS_TABLE,
      schema: BatchResultRecordSchema,
    }),
  },
  wiring.deps,
);
