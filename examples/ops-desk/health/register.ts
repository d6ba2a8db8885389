import { type DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import type { DeskRegister, RegisteredIncident } from './agents.js';

/**
 * The register on DynamoDB: the incidents and assignments tables scanned with a projection of the few
 * attributes the health metrics need (a desk holds thousands of incidents, not millions; a larger one would
 * keep counters instead).
 */
export class DynamoDbDeskRegister implements DeskRegister {
  constructor(
    private readonly documentClient: DynamoDBDocumentClient,
    private readonly tables: { readonly incidents: string; readonly assignments: string },
  ) {}

  async incidents(): Promise<readonly RegisteredIncident[]> {
    const incidents: RegisteredIncident[] = [];
    const pages = paginateScan(
      { client: this.documentClient },
      {
        TableName: this.tables.incidents,
        ProjectionExpression: 'incidentId, observedAt, enrichmentErrors',
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        incidents.push({
          incidentId: String(item.incidentId),
          observedAt: String(item.observedAt),
          enrichmentFailed: Object.keys(item.enrichmentErrors ?? {}).length > 0,
        });
      }
    }
    return incidents;
  }

  async taken(): Promise<ReadonlySet<string>> {
    const taken = new Set<string>();
    const pages = paginateScan(
      { client: this.documentClient },
      { TableName: this.tables.assignments, ProjectionExpression: 'incidentId' },
    );
    for await (const page of pages) for (const item of page.Items ?? []) taken.add(String(item.incidentId));
    return taken;
  }
}
