/**
 * agentbridge/local: AWS's engines on one machine, no account and no Docker.
 *
 * `matchEventPattern` is EventBridge's full pattern language (prefix, suffix, wildcard, anything-but,
 * numeric ranges, CIDR, `$or`, exists) as AWS documents it; `LocalStepFunctions` runs ASL with real task
 * tokens; `startDynamoDbLocal` starts AWS's DynamoDB Local jar (Java 17) and `createTables` creates the
 * tables of `agentbridge/stores` in it. `loadLocalDeployment` reads a cdk.out (any stack built with
 * `AgentBridge`) into the local deployment model — tables, buses, rules, queues, functions, event source
 * mappings and state machines with every reference resolved to a local name, ARN or URL — and lists what the
 * local cloud ignores or does not support. `LocalClock` is the virtual clock tests advance: a
 * `Clock` and a callback timer whose deadlines fire when its time reaches them. `startLocalCloud` brings a
 * cdk.out up behind one loopback endpoint (`startAwsEndpoint`) that every SDK client and the AWS CLI point at.
 *
 * @example
 * ```ts
 * import { matchEventPattern } from 'agentbridge/local';
 *
 * matchEventPattern({ source: [{ prefix: 'agentbridge.' }] }, { source: 'agentbridge.greeter' }); // true
 * ```
 *
 * @packageDocumentation
 */

export { compileEventPattern } from '../lambdas/runtime/event-pattern/compile-event-pattern.js';
// EventBridge patterns.
export type { CompiledEventPattern } from '../lambdas/runtime/event-pattern/compiled-event-pattern.js';
export type {
  EventBridgeEvent,
  EventPattern,
  MatchExpression,
} from '../lambdas/runtime/event-pattern/event-pattern.js';
export type {
  EventPatternOptions,
  NumericSemanticsName,
} from '../lambdas/runtime/event-pattern/event-pattern-options.js';
export { InvalidEventError } from '../lambdas/runtime/event-pattern/invalid-event-error.js';
export { matchEventPattern } from '../lambdas/runtime/event-pattern/match-event-pattern.js';
export {
  checkEventPattern,
  validateEventPattern,
} from '../lambdas/runtime/event-pattern/validate-event-pattern.js';
export type { CdkOutErrorCode } from '../local/cloud/cdk-out-error.js';
export { CdkOutError, isCdkOutError } from '../local/cloud/cdk-out-error.js';
export type { AssemblyStack, FileAsset } from '../local/cloud/cloud-assembly.js';
export { readCloudAssembly } from '../local/cloud/cloud-assembly.js';
// The local cloud: one endpoint for the deployment's AWS APIs.
export type { AdminHandler, AwsEndpoint, AwsEndpointOptions } from '../local/cloud/endpoint/aws-endpoint.js';
export { startAwsEndpoint } from '../local/cloud/endpoint/aws-endpoint.js';
export type { AwsRequest, AwsResponse, LocalAwsService } from '../local/cloud/endpoint/aws-service.js';
export { AwsServiceError } from '../local/cloud/endpoint/aws-service.js';
export type { LoadLocalDeploymentOptions } from '../local/cloud/load-local-deployment.js';
export { loadLocalDeployment } from '../local/cloud/load-local-deployment.js';
export { InvalidDurationError, LocalClock, parseDuration } from '../local/cloud/local-clock.js';
export type { DeploymentQueueSummary, DeploymentSummary } from '../local/cloud/local-cloud-admin.js';
export type { JournalEntry } from '../local/cloud/local-cloud-ports.js';
export type {
  KeyElement,
  LocalDeployment,
  LocalEventBus,
  LocalEventInvokeConfig,
  LocalEventSourceMapping,
  LocalFunction,
  LocalFunctionCode,
  LocalLink,
  LocalQueue,
  LocalRetryPolicy,
  LocalRule,
  LocalRuleTarget,
  LocalStack,
  LocalStateMachine,
  LocalTable,
  LocalTableIndex,
  TemplateOrigin,
} from '../local/cloud/local-deployment.js';
export type { LocalIdentity } from '../local/cloud/local-identity.js';
export { DEFAULT_LOCAL_IDENTITY, localIdentity } from '../local/cloud/local-identity.js';
export { InMemoryJournal } from '../local/cloud/local-journal.js';
export type { NotModelledEntry } from '../local/cloud/not-modelled.js';
export { formatNotModelled, IGNORED_RESOURCE_TYPES } from '../local/cloud/not-modelled.js';
export type { LocalCloud, StartLocalCloudOptions } from '../local/cloud/start-local-cloud.js';
export { startLocalCloud } from '../local/cloud/start-local-cloud.js';
// DynamoDB Local.
export { createTableInput, createTables } from '../local/dynamodb/create-tables.js';
export {
  DynamoDbLocalFetchError,
  DynamoDbLocalStartError,
  JavaMissingError,
  TableCreationError,
} from '../local/dynamodb/dynamodb-local-error.js';
export type { DynamoDbLocal, DynamoDbLocalOptions } from '../local/dynamodb/dynamodb-local-process.js';
export { startDynamoDbLocal } from '../local/dynamodb/dynamodb-local-process.js';
export { ensureDynamoDbLocal } from '../local/dynamodb/ensure-dynamodb-local.js';
export { localDynamoDbClient } from '../local/dynamodb/local-dynamodb-client.js';
// Step Functions.
export type { ExecutionDescription, ExecutionStatus } from '../local/stepfunctions/local-execution.js';
export type { LocalStepFunctionsOptions } from '../local/stepfunctions/local-step-functions.js';
export { LocalStepFunctions } from '../local/stepfunctions/local-step-functions.js';
export {
  ExecutionAlreadyExistsError,
  ExecutionDoesNotExistError,
  InvalidDefinitionError,
  InvalidTokenError,
  LocalStepFunctionsError,
  StateMachineDoesNotExistError,
  TaskTimedOutError,
} from '../local/stepfunctions/local-step-functions-error.js';
