import type {
  CreateTableCommandInput,
  ProvisionedThroughput,
  StreamViewType,
} from '@aws-sdk/client-dynamodb';
import type { TableToCreate } from '../../dynamodb/create-tables.js';
import type { LocalTable, LocalTableIndex } from '../local-deployment.js';

/** DynamoDB Local accepts but does not enforce capacity; a provisioned table only needs some. */
const LOCAL_THROUGHPUT: ProvisionedThroughput = { ReadCapacityUnits: 5, WriteCapacityUnits: 5 };

const keySchema = (keys: LocalTable['keySchema']) =>
  keys.map((key) => ({ AttributeName: key.attributeName, KeyType: key.keyType }));

const index = (definition: LocalTableIndex, provisioned: boolean) => ({
  IndexName: definition.indexName,
  KeySchema: keySchema(definition.keySchema),
  Projection: {
    ProjectionType: definition.projection.projectionType,
    ...(definition.projection.nonKeyAttributes === undefined
      ? {}
      : { NonKeyAttributes: [...definition.projection.nonKeyAttributes] }),
  },
  ...(provisioned ? { ProvisionedThroughput: LOCAL_THROUGHPUT } : {}),
});

/**
 * The CreateTable request (and TTL attribute) of a deployment's table: its keys, attribute definitions, GSIs,
 * LSIs, billing mode and stream view type, as the template declares them.
 */
export function localTableToCreate(table: LocalTable): TableToCreate {
  const provisioned = table.billingMode === 'PROVISIONED';
  const input: CreateTableCommandInput & { TableName: string } = {
    TableName: table.tableName,
    BillingMode: table.billingMode,
    AttributeDefinitions: table.attributeDefinitions.map((definition) => ({
      AttributeName: definition.attributeName,
      AttributeType: definition.attributeType,
    })),
    KeySchema: keySchema(table.keySchema),
    ...(provisioned ? { ProvisionedThroughput: LOCAL_THROUGHPUT } : {}),
    ...(table.globalSecondaryIndexes.length === 0
      ? {}
      : { GlobalSecondaryIndexes: table.globalSecondaryIndexes.map((gsi) => index(gsi, provisioned)) }),
    ...(table.localSecondaryIndexes.length === 0
      ? {}
      : { LocalSecondaryIndexes: table.localSecondaryIndexes.map((lsi) => index(lsi, false)) }),
    ...(table.stream === undefined
      ? {}
      : {
          StreamSpecification: {
            StreamEnabled: true,
            StreamViewType: table.stream.viewType as StreamViewType,
          },
        }),
  };
  return { input, timeToLiveAttribute: table.timeToLiveAttribute };
}
