import type { TemplateResource } from '../cdk-out/cdk-out-template.js';
import { type BuildContext, checkProperties, recordOf, stringOf } from './build-context.js';
import type { KeyElement, LocalTable, LocalTableIndex } from './local-deployment.js';

const HONOURED = [
  'TableName',
  'KeySchema',
  'AttributeDefinitions',
  'BillingMode',
  'ProvisionedThroughput',
  'GlobalSecondaryIndexes',
  'LocalSecondaryIndexes',
  'StreamSpecification',
  'TimeToLiveSpecification',
];

const IGNORED = {
  PointInTimeRecoverySpecification: 'backups have no local effect',
  SSESpecification: 'encryption at rest has no local effect',
  DeletionProtectionEnabled: 'the local table goes with the local cloud',
  ContributorInsightsSpecification: 'metrics are not evaluated locally',
  TableClass: 'storage classes have no local effect',
};

const keySchema = (value: unknown): KeyElement[] =>
  (Array.isArray(value) ? value : []).map((element) => {
    const key = recordOf(element);
    return {
      attributeName: String(key.AttributeName),
      keyType: key.KeyType === 'RANGE' ? ('RANGE' as const) : ('HASH' as const),
    };
  });

const indexes = (value: unknown): LocalTableIndex[] =>
  (Array.isArray(value) ? value : []).map((element) => {
    const index = recordOf(element);
    const projection = recordOf(index.Projection);
    const type = projection.ProjectionType;
    return {
      indexName: String(index.IndexName),
      keySchema: keySchema(index.KeySchema),
      projection: {
        projectionType: type === 'KEYS_ONLY' || type === 'INCLUDE' ? type : ('ALL' as const),
        ...(Array.isArray(projection.NonKeyAttributes)
          ? { nonKeyAttributes: projection.NonKeyAttributes.map(String) }
          : {}),
      },
    };
  });

/**
 * An `AWS::DynamoDB::Table` as the local cloud creates it in DynamoDB Local: keys, attribute definitions,
 * indexes, billing, stream view type and TTL attribute.
 */
export function buildTable(context: BuildContext, logicalId: string, resource: TemplateResource): LocalTable {
  const site = { logicalId, type: resource.Type };
  const properties = recordOf(context.resolver.resolve(resource.Properties ?? {}, site));
  checkProperties(context, site, properties, HONOURED, IGNORED);
  const reference = context.resolver.reference(logicalId, site);
  const stream = recordOf(properties.StreamSpecification);
  const ttl = recordOf(properties.TimeToLiveSpecification);
  const viewType = stringOf(stream.StreamViewType);
  return {
    stackName: context.stackName,
    logicalId,
    tableName: reference.name,
    arn: reference.attributes.Arn ?? '',
    keySchema: keySchema(properties.KeySchema),
    attributeDefinitions: (Array.isArray(properties.AttributeDefinitions)
      ? properties.AttributeDefinitions
      : []
    ).map((element) => {
      const definition = recordOf(element);
      const type = definition.AttributeType;
      return {
        attributeName: String(definition.AttributeName),
        attributeType: type === 'N' || type === 'B' ? type : ('S' as const),
      };
    }),
    billingMode: properties.BillingMode === 'PAY_PER_REQUEST' ? 'PAY_PER_REQUEST' : 'PROVISIONED',
    globalSecondaryIndexes: indexes(properties.GlobalSecondaryIndexes),
    localSecondaryIndexes: indexes(properties.LocalSecondaryIndexes),
    stream: viewType === undefined ? undefined : { viewType, arn: reference.attributes.StreamArn ?? '' },
    timeToLiveAttribute:
      ttl.Enabled === true || ttl.Enabled === 'true' ? stringOf(ttl.AttributeName) : undefined,
  };
}
