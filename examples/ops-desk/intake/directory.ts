import type { ItemStore, TableDefinition } from 'agentbridge/stores';
import * as z from 'zod';

/**
 * The desk's copy of what other systems know about a service, one entry per source and service
 * (`cmdb:<service>`, `oncall:<service>`, `deploys:<service>`), kept current by those systems' feeds.
 */
export const OPS_DIRECTORY_TABLE: TableDefinition = {
  id: 'OpsDirectory',
  envVar: 'OPS_DIRECTORY_TABLE_NAME',
  localName: 'opsdesk-directory',
  partitionKey: { name: 'entryId', type: 'S' },
};

/** The CMDB's record of a service: the owning team and its tier. */
export const CmdbEntry = z.object({ entryId: z.string(), owner: z.string(), tier: z.string() });
/** The on-call rota's current engineer for a service. */
export const OnCallEntry = z.object({ entryId: z.string(), engineer: z.string() });
/** The deploy log's latest deploys of a service. */
export const DeploysEntry = z.object({
  entryId: z.string(),
  deploys: z.array(z.object({ version: z.string(), at: z.string() })),
});

/** The three directory sources intake enriches from, each an item store over the directory table. */
export interface Directory {
  readonly cmdb: ItemStore<z.infer<typeof CmdbEntry>>;
  readonly onCall: ItemStore<z.infer<typeof OnCallEntry>>;
  readonly deploys: ItemStore<z.infer<typeof DeploysEntry>>;
}

/** Builds the directory's stores with the adapter of the host (DynamoDB in Lambda, in-memory in tests). */
export function directoryOf(
  store: <Item extends Record<string, unknown>>(schema: z.ZodType<Item>) => ItemStore<Item>,
): Directory {
  return { cmdb: store(CmdbEntry), onCall: store(OnCallEntry), deploys: store(DeploysEntry) };
}
