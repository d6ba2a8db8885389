import { RemovalPolicy } from 'aws-cdk-lib';
import {
  type Attribute,
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { KeyAttribute, TableDefinition } from '../../lambdas/contracts/table-definition.js';

export interface AgentTableProps {
  readonly definition: TableDefinition;
  /** RETAIN by default: tables hold events, state and fencing counters that must outlive a stack update. */
  readonly removalPolicy?: RemovalPolicy;
}

const ATTRIBUTE_TYPES = {
  S: AttributeType.STRING,
  N: AttributeType.NUMBER,
  B: AttributeType.BINARY,
} as const;

const STREAM_VIEWS = {
  NEW_IMAGE: StreamViewType.NEW_IMAGE,
  NEW_AND_OLD_IMAGES: StreamViewType.NEW_AND_OLD_IMAGES,
  KEYS_ONLY: StreamViewType.KEYS_ONLY,
  OLD_IMAGE: StreamViewType.OLD_IMAGE,
} as const;

const attribute = (key: KeyAttribute): Attribute => ({ name: key.name, type: ATTRIBUTE_TYPES[key.type] });

/**
 * A DynamoDB table declared from its contract in `lambdas/contracts/tables`, so keys, TTL attribute, stream
 * and indexes are spelled once for CDK, DynamoDB Local and the adapters. On-demand capacity (agent traffic is
 * spiky and idle most of the day), point-in-time recovery, encryption at rest with the AWS-managed key.
 *
 * @example
 * ```ts
 * const events = new AgentTable(this, EVENT_STORE_TABLE.id, { definition: EVENT_STORE_TABLE }).table;
 * ```
 */
export class AgentTable extends Construct {
  readonly table: Table;
  readonly definition: TableDefinition;

  constructor(scope: Construct, id: string, props: AgentTableProps) {
    super(scope, id);
    const { definition } = props;
    this.definition = definition;
    this.table = new Table(this, 'Table', {
      partitionKey: attribute(definition.partitionKey),
      ...(definition.sortKey ? { sortKey: attribute(definition.sortKey) } : {}),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      ...(definition.timeToLiveAttribute ? { timeToLiveAttribute: definition.timeToLiveAttribute } : {}),
      ...(definition.stream ? { stream: STREAM_VIEWS[definition.stream] } : {}),
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    for (const index of definition.globalSecondaryIndexes ?? []) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        ...(index.sortKey ? { sortKey: attribute(index.sortKey) } : {}),
        projectionType: index.projection === 'ALL' ? ProjectionType.ALL : ProjectionType.KEYS_ONLY,
      });
    }
  }
}
