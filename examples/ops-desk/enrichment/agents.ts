import { fromProducer, TypeSubscription } from 'agentbridge';
import type { AgentSpec } from 'agentbridge/cdk';
import {
  apiCallAggregator,
  BatchAggregator,
  type BatchRequest,
  databaseQueryAggregator,
  REQUEST_TYPES,
} from 'agentbridge/patterns';
import { BATCH_RESULTS_TABLE, TABLE_ACTIONS } from 'agentbridge/stores';
import type { CmdbClient, MetricQuery } from './cmdb-client.js';
import { type Enrichment, type EnrichmentRequest, EnrichmentRequested } from './messages.js';

const ENRICHER = 'incident-enricher';

/** How many requests the enricher's queue hands over at once, and so the most one CMDB call carries. */
export const ENRICHMENT_BATCH_SIZE = 50;

/**
 * The incident enricher: takes operators' enrichment requests from its queue in batches and answers all the
 * configuration lookups of a batch with one CMDB `batchGet` and all its metric reads with one `query:batch`
 * (kept apart by urgency), writing each request's answer to the results table under its `requestId`.
 */
export const ENRICHER_AGENT: AgentSpec = {
  agentType: ENRICHER,
  hostsAgent: false,
  subscriptions: [
    new TypeSubscription(EnrichmentRequested.name, ENRICHER, {
      senders: { [EnrichmentRequested.name]: fromProducer() },
    }),
  ],
  skipDirectMessageSubscription: true,
  tables: [{ table: BATCH_RESULTS_TABLE, actions: TABLE_ACTIONS.items }],
};

/** A lookup as the aggregator batches it. */
export type EnrichmentLookup = Pick<EnrichmentRequest, 'service' | 'lookup' | 'at'>;

/**
 * The batch request of an enrichment request: configuration lookups are CMDB queries (`database_query`,
 * one `batchGet` for the batch's distinct services), metric reads are API calls (`api_call`, one bulk query);
 * sev1 and sev2 are urgent, batched apart from routine lookups.
 */
export function enrichmentRequestOf(request: EnrichmentRequest): BatchRequest<EnrichmentLookup> {
  const configuration = request.lookup === 'configuration';
  return {
    id: request.requestId,
    type: configuration ? REQUEST_TYPES.databaseQuery : REQUEST_TYPES.apiCall,
    priority: request.severity <= 2 ? 'urgent' : 'routine',
    target: configuration ? 'cmdb' : 'metrics',
    payload: { service: request.service, lookup: request.lookup, at: request.at },
  };
}

/** The enricher's aggregator over the CMDB: one call per request type, urgency and target in a batch. */
export function enrichmentAggregator(cmdb: CmdbClient): BatchAggregator<EnrichmentLookup, Enrichment> {
  return new BatchAggregator<EnrichmentLookup, Enrichment>({
    name: ENRICHER,
    maxSize: ENRICHMENT_BATCH_SIZE,
    windowMs: 1_000,
    aggregators: {
      [REQUEST_TYPES.databaseQuery]: databaseQueryAggregator({
        keyOf: (lookup: EnrichmentLookup) => lookup.service,
        query: (services) => cmdb.configurationItems(services),
      }),
      [REQUEST_TYPES.apiCall]: apiCallAggregator({
        call: (lookups: readonly EnrichmentLookup[]) =>
          cmdb.metrics(
            lookups.map(
              (lookup): MetricQuery => ({
                service: lookup.service,
                metric: lookup.lookup === 'latency-p95' ? 'latency-p95' : 'error-rate',
                at: lookup.at,
              }),
            ),
          ),
      }),
    },
  });
}
