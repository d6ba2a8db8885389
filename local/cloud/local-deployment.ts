import type { EventPattern } from '../../lambdas/runtime/event-pattern/event-pattern.js';
import type { LocalIdentity } from './local-identity.js';
import type { NotModelledEntry } from './not-modelled.js';

/** Where an entry comes from: the stack and the resource's logical id. */
export interface TemplateOrigin {
  readonly stackName: string;
  readonly logicalId: string;
}

/**
 * A resolved ARN pointing at something of the deployment (a function, queue, state machine, bus or table
 * stream, by its local name) or outside it (`external`: an ARN the local cloud has nothing for).
 */
export interface LocalLink {
  readonly kind: 'function' | 'queue' | 'stateMachine' | 'eventBus' | 'tableStream' | 'external';
  readonly arn: string;
  /** The local name of the resource linked to (the table's name for a stream); the ARN when external. */
  readonly name: string;
}

export interface KeyElement {
  readonly attributeName: string;
  readonly keyType: 'HASH' | 'RANGE';
}

export interface LocalTableIndex {
  readonly indexName: string;
  readonly keySchema: readonly KeyElement[];
  readonly projection: {
    readonly projectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
    readonly nonKeyAttributes?: readonly string[];
  };
}

export interface LocalTable extends TemplateOrigin {
  readonly tableName: string;
  readonly arn: string;
  readonly keySchema: readonly KeyElement[];
  readonly attributeDefinitions: readonly {
    readonly attributeName: string;
    readonly attributeType: 'S' | 'N' | 'B';
  }[];
  readonly billingMode: 'PAY_PER_REQUEST' | 'PROVISIONED';
  readonly globalSecondaryIndexes: readonly LocalTableIndex[];
  readonly localSecondaryIndexes: readonly LocalTableIndex[];
  /** The stream, when the table has one: its view type and the ARN the template's mappings name it by. */
  readonly stream: { readonly viewType: string; readonly arn: string } | undefined;
  /** The TTL attribute (epoch seconds), when TTL is enabled. */
  readonly timeToLiveAttribute: string | undefined;
}

export interface LocalEventBus {
  readonly name: string;
  readonly arn: string;
  /** Absent for the account's `default` bus, which every region has without a template declaring it. */
  readonly origin: TemplateOrigin | undefined;
}

export interface LocalRetryPolicy {
  readonly maximumRetryAttempts: number;
  readonly maximumEventAgeSeconds: number;
}

export interface LocalRuleTarget {
  readonly id: string;
  readonly destination: LocalLink;
  readonly input: string | undefined;
  readonly inputPath: string | undefined;
  readonly inputTransformer:
    | { readonly inputPathsMap: Readonly<Record<string, string>>; readonly inputTemplate: string }
    | undefined;
  readonly deadLetterQueue: LocalLink | undefined;
  /** AWS's defaults (185 attempts, 24 h) when the target declares none. */
  readonly retryPolicy: LocalRetryPolicy;
  readonly roleArn: string | undefined;
  /** `SqsParameters.MessageGroupId` of a FIFO queue target. */
  readonly messageGroupId: string | undefined;
}

export interface LocalRule extends TemplateOrigin {
  readonly name: string;
  readonly arn: string;
  readonly eventBusName: string;
  readonly eventPattern: EventPattern | undefined;
  readonly scheduleExpression: string | undefined;
  readonly state: 'ENABLED' | 'DISABLED' | 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';
  readonly targets: readonly LocalRuleTarget[];
}

export interface LocalQueue extends TemplateOrigin {
  readonly name: string;
  readonly arn: string;
  readonly url: string;
  readonly fifo: boolean;
  readonly contentBasedDeduplication: boolean;
  readonly visibilityTimeoutSeconds: number;
  readonly messageRetentionSeconds: number;
  readonly delaySeconds: number;
  readonly receiveMessageWaitSeconds: number;
  readonly maximumMessageSizeBytes: number;
  readonly redrivePolicy:
    | { readonly deadLetterTarget: LocalLink; readonly maxReceiveCount: number }
    | undefined;
  /** The queue's tags (`agentbridge:dead-letters-of` marks a queue a function writes dead letters to). */
  readonly tags?: Readonly<Record<string, string>>;
}

export type LocalFunctionCode =
  | { readonly kind: 'directory'; readonly dir: string }
  | { readonly kind: 'inline'; readonly source: string }
  /** Synthesized with bundling skipped (loaded with `requireBundles: false`): `dir` is not there. */
  | { readonly kind: 'unbundled'; readonly dir: string };

export interface LocalFunction extends TemplateOrigin {
  readonly name: string;
  readonly arn: string;
  readonly handler: string;
  readonly runtime: string;
  readonly code: LocalFunctionCode;
  /** The environment with every reference resolved to its local value. */
  readonly environment: Readonly<Record<string, string>>;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  readonly architecture: 'x86_64' | 'arm64';
  readonly reservedConcurrency: number | undefined;
  readonly roleArn: string | undefined;
  /** The function's own dead-letter queue or topic for failed async events (`DeadLetterConfig`). */
  readonly deadLetterTarget: LocalLink | undefined;
}

export interface LocalEventInvokeConfig extends TemplateOrigin {
  readonly functionName: string;
  readonly qualifier: string;
  readonly maximumRetryAttempts: number;
  readonly maximumEventAgeSeconds: number;
  readonly onFailure: LocalLink | undefined;
  readonly onSuccess: LocalLink | undefined;
}

export interface LocalEventSourceMapping extends TemplateOrigin {
  readonly functionName: string;
  /** A table's stream or a queue of the deployment. */
  readonly source: LocalLink;
  readonly enabled: boolean;
  readonly batchSize: number;
  readonly maximumBatchingWindowSeconds: number;
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP' | undefined;
  /** The filter patterns, parsed; a record passes when it matches any. */
  readonly filters: readonly EventPattern[];
  readonly reportBatchItemFailures: boolean;
  readonly bisectBatchOnFunctionError: boolean;
  /** Undefined: retried until the record expires (AWS's -1). */
  readonly maximumRetryAttempts: number | undefined;
  /** Undefined: records never expire by age (AWS's -1). */
  readonly maximumRecordAgeSeconds: number | undefined;
  readonly parallelizationFactor: number;
  readonly maximumConcurrency: number | undefined;
  readonly onFailure: LocalLink | undefined;
}

export interface LocalStateMachine extends TemplateOrigin {
  readonly name: string;
  readonly arn: string;
  readonly type: 'STANDARD' | 'EXPRESS';
  /** The ASL with its substitutions applied, parsed. */
  readonly definition: unknown;
  readonly loggingLevel: 'ALL' | 'ERROR' | 'FATAL' | 'OFF';
  readonly includeExecutionData: boolean;
  readonly roleArn: string | undefined;
}

export interface LocalStack {
  readonly stackName: string;
  readonly templateFile: string;
  readonly identity: LocalIdentity;
  /** The stack's outputs, resolved. */
  readonly outputs: Readonly<Record<string, string>>;
}

/** A cloud assembly resolved to what the local cloud runs, and what it does not. */
export interface LocalDeployment {
  readonly cdkOutDir: string;
  readonly stacks: readonly LocalStack[];
  readonly tables: readonly LocalTable[];
  readonly eventBuses: readonly LocalEventBus[];
  readonly rules: readonly LocalRule[];
  readonly queues: readonly LocalQueue[];
  readonly functions: readonly LocalFunction[];
  readonly eventInvokeConfigs: readonly LocalEventInvokeConfig[];
  readonly eventSourceMappings: readonly LocalEventSourceMapping[];
  readonly stateMachines: readonly LocalStateMachine[];
  /** Each resource, property or intrinsic the local cloud ignores or does not support, once. */
  readonly notModelled: readonly NotModelledEntry[];
}
