/**
 * One DynamoDB table, described once. The CDK stack, the DynamoDB Local test harness, the local cloud
 * and the store adapters all read these definitions, so a key name is never spelled twice.
 */
export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S' | 'N' | 'B';
}

export interface GlobalSecondaryIndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly projection: 'ALL' | 'KEYS_ONLY';
}

export interface TableDefinition {
  /** Construct id in CDK and the stable name used in docs, e.g. `EventStore`. */
  readonly id: string;
  /** Environment variable through which a Lambda function learns the deployed table name. */
  readonly envVar: string;
  /** Table name used offline (DynamoDB Local, the local cloud); CDK lets CloudFormation name it. */
  readonly localName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  /** Attribute holding an epoch-seconds expiry; DynamoDB deletes such items up to ~48 h late. */
  readonly timeToLiveAttribute?: string;
  /** A DynamoDB stream, when something (the outbox publisher) consumes the table's changes. */
  readonly stream?: 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY' | 'OLD_IMAGE';
  readonly globalSecondaryIndexes?: readonly GlobalSecondaryIndexDefinition[];
}
