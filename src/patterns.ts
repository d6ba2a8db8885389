/**
 * agentbridge/patterns: building blocks above the runtime and the stores.
 *
 * `Aggregate` decides commands against an event-sourced stream (load, decide, append with optimistic
 * concurrency, retry on a lost race). `OutboxPublisher` and `OutboxRelay` move stored events onto the bus
 * through a transactional outbox, in version order per stream; `replayStream` republishes a version range.
 * `pipeline` builds ordered, typed stages with recovery per error type, every stage recorded and metered and
 * checkpointed in a run store, so a run cut short resumes after its last stage and a finished run never runs
 * again; `validationStage`, `transformationStage` and `enrichmentStage` are its reference stages.
 * `SmartRouter` routes each request to the candidate agent its shared history (`RoutingHistoryStore`) scores
 * best, falls back to the second best, and retrains its compatibility model as outcomes arrive.
 * `defineToolChain` composes tools into a chain run sequentially, in parallel or by condition, failing fast,
 * continuing or retrying with backoff, every step recorded and metered; `ToolChains` holds named chains.
 * `defineTool` makes a typed tool (name, description, zod input and output, run) that `invokeTool` calls with
 * both sides checked and `toolJsonSchema` lists for a model API.
 * `runAssistantTurn` is an assistant agent's loop: the model (`BedrockConverseModelClient`, or a
 * `ScriptedModelClient` playing a script) is called with the tools' specs, its tool calls run concurrently with
 * errors fed back as results, until it answers in text or `maxToolIterations` runs out; `agentTool` makes
 * another agent a tool, and an `AgentStateStepJournal` records each model and tool call once for a retry.
 * `LegacyAdapter` calls a legacy HTTP system through declared field mappings (`conversions` both ways), with a
 * timeout, its errors' codes kept (`LegacySystemError`) and only transient failures retried.
 * `HierarchicalDecision` decides a request layer by layer (operational → tactical → strategic): a sure layer
 * decides, a fairly sure one builds a consensus with its peers, otherwise — or when it declines or throws — the
 * request escalates with its step recorded; the top answers its best effort, and `NoLayerCouldDecideError`
 * says no layer decided anything; `operationalDecider` and `tacticalDecider` are its reference deciders.
 * `AgentPool` shares scarce capacity across containers as leased slots in a `PoolSlotStore` (`agentbridge/stores`):
 * acquire with a timeout, growth past a threshold, an emergency slot, release, shrinking when idle.
 * `declareMetrics` declares a collector's metrics and alert rules next to the agents they watch;
 * `MetricsCollector` collects them from their sources into sinks (`EmfMetricSink` for CloudWatch, the in-memory
 * one), retrying a failed collection after 5 s, and evaluates the rules with CloudWatch's alarm semantics
 * (`evaluateAlarm`: M of N datapoints, missing data treatments), as the alarms they deploy as would.
 * `FilteringEventBus` publishes in process to subscribers of an event type whose filter (an EventBridge event
 * pattern) and relevance scoring admit the event, in parallel; a failed delivery and an event no subscription
 * admits go to `EventDeadLetters` (in memory, or `SqsEventDeadLetters` on an SQS queue) with the reason and the
 * original event, as the unrouted-events rule does on AWS.
 * `BatchAggregator` gathers requests by key (type, priority, target) into batches that flush when full or when
 * their window ends, answers each batch with one call of its type's aggregator (`databaseQueryAggregator`,
 * `apiCallAggregator`, `computationAggregator`, `defaultAggregator`) and settles each request with its own
 * result; a failed call fails every waiter with its cause, a request the call left out fails alone.
 *
 * @example
 * ```ts
 * import { Aggregate } from 'agentbridge/patterns';
 *
 * const accounts = new Aggregate(store, accountDefinition);
 * const { state } = await accounts.execute('account-1', { kind: 'deposit', amount: 10 });
 * ```
 *
 * @packageDocumentation
 */

// Pipeline: ordered stages, checkpointed per run.
// Metrics: periodic collection into sinks, and alert rules evaluated as CloudWatch alarms are.
export type { DimensionedMetric, MetricUnit, PatternMetrics } from '../lambdas/contracts/pattern-metrics.js';
export { noMetrics } from '../lambdas/contracts/pattern-metrics.js';
// Agent pool: scarce capacity shared by every container, as leased slots.
export type { AgentPoolOptions, PoolSlot, PoolStats } from '../lambdas/patterns/agent-pool/agent-pool.js';
export { AgentPool } from '../lambdas/patterns/agent-pool/agent-pool.js';
export {
  InvalidPoolOptionsError,
  PoolExhaustedError,
} from '../lambdas/patterns/agent-pool/agent-pool-error.js';
export type {
  AggregateOptions,
  AggregateStore,
  CommandResult,
} from '../lambdas/patterns/aggregate/aggregate.js';
export { Aggregate } from '../lambdas/patterns/aggregate/aggregate.js';
export type {
  AggregateDefinition,
  DecisionContext,
} from '../lambdas/patterns/aggregate/aggregate-definition.js';
export {
  ConcurrencyRetriesExhaustedError,
  InvalidAggregateOptionsError,
} from '../lambdas/patterns/aggregate/aggregate-error.js';
// Assistant agent: the model's tool-call loop, a model port (Bedrock Converse, scripted), agents as tools.
export type { AgentSend } from '../lambdas/patterns/assistant/agent-tool.js';
export { agentTool } from '../lambdas/patterns/assistant/agent-tool.js';
export {
  ModelCallError,
  ToolIterationsExhaustedError,
} from '../lambdas/patterns/assistant/assistant-error.js';
export type {
  AssistantLoopOptions,
  AssistantTurn,
  ToolCallRecord,
} from '../lambdas/patterns/assistant/assistant-loop.js';
export {
  DEFAULT_MAX_TOOL_ITERATIONS,
  runAssistantTurn,
} from '../lambdas/patterns/assistant/assistant-loop.js';
export type { BedrockConverseModelClientOptions } from '../lambdas/patterns/assistant/bedrock-converse-model-client.js';
export { BedrockConverseModelClient } from '../lambdas/patterns/assistant/bedrock-converse-model-client.js';
export type {
  ContentBlock,
  ConversationMessage,
  ModelClient,
  ModelCompletion,
  ModelRequest,
  StopReason,
  TextBlock,
  ToolResultBlock,
  ToolUseBlock,
} from '../lambdas/patterns/assistant/model-client.js';
export { recentContext, textOf, toolUsesOf, userText } from '../lambdas/patterns/assistant/model-client.js';
export type { ScriptedReply, ScriptedTurn } from '../lambdas/patterns/assistant/scripted-model-client.js';
export {
  lastToolResults,
  lastUserText,
  ScriptedModelClient,
} from '../lambdas/patterns/assistant/scripted-model-client.js';
export type { StepJournal } from '../lambdas/patterns/assistant/step-journal.js';
export {
  AgentStateStepJournal,
  JOURNAL_TURNS_KEPT,
  stepJournalType,
  UNRECORDED,
} from '../lambdas/patterns/assistant/step-journal.js';
// Batch aggregator: requests of one key answered by one call.
export type {
  Aggregator,
  Batch,
  BatchAggregatorOptions,
  BatchRequest,
  BatchStats,
  BatchTimers,
} from '../lambdas/patterns/batch-aggregator/batch-aggregator.js';
export {
  BatchAggregator,
  defaultBatchKey,
  failItem,
  ItemFailure,
  systemTimers,
} from '../lambdas/patterns/batch-aggregator/batch-aggregator.js';
export {
  BatchFailedError,
  BatchRequestRefusedError,
  BatchResultError,
  InvalidBatchOptionsError,
} from '../lambdas/patterns/batch-aggregator/batch-aggregator-error.js';
export type {
  BatchResultRecord,
  QueuedOutcome,
  QueuedRequest,
  QueuedRequestsOptions,
} from '../lambdas/patterns/batch-aggregator/queued-requests.js';
export {
  answerQueuedRequests,
  BatchResultRecordSchema,
} from '../lambdas/patterns/batch-aggregator/queued-requests.js';
export {
  apiCallAggregator,
  computationAggregator,
  databaseQueryAggregator,
  defaultAggregator,
  REQUEST_TYPES,
} from '../lambdas/patterns/batch-aggregator/reference-aggregators.js';
// Event bus: subscriptions with EventBridge-pattern filters and relevance scores, and dead letters.
export type { BusEvent, PublishedEvent } from '../lambdas/patterns/event-bus/bus-event.js';
export {
  DeadLetterWriteError,
  InvalidSubscriptionError,
} from '../lambdas/patterns/event-bus/event-bus-error.js';
export type {
  EventDeadLetter,
  EventDeadLetterReason,
  EventDeadLetters,
} from '../lambdas/patterns/event-bus/event-dead-letters.js';
export {
  EVENT_DEAD_LETTER_REASONS,
  InMemoryEventDeadLetters,
} from '../lambdas/patterns/event-bus/event-dead-letters.js';
export type {
  EventBusStats,
  EventSubscriber,
  FilteringEventBusOptions,
  PublishOutcome,
  RelevanceScoring,
  SubscribeOptions,
  SubscriptionInfo,
} from '../lambdas/patterns/event-bus/filtering-event-bus.js';
export {
  DEFAULT_RELEVANCE_THRESHOLD,
  FilteringEventBus,
} from '../lambdas/patterns/event-bus/filtering-event-bus.js';
export type { SqsEventDeadLettersOptions } from '../lambdas/patterns/event-bus/sqs-event-dead-letters.js';
export {
  EVENT_DEAD_LETTER_ATTRIBUTES,
  SqsEventDeadLetters,
} from '../lambdas/patterns/event-bus/sqs-event-dead-letters.js';
// Hierarchical decision: layers that decide, consult their peers or escalate.
export type {
  Decider,
  Decision,
  DecisionLayer,
  DecisionOutcome,
  DecisionStep,
  DecisionThresholds,
  Declined,
  LayerContext,
  PeerOpinion,
  RecordedError,
  StepVerdict,
} from '../lambdas/patterns/hierarchical-decision/decision.js';
export {
  DEFAULT_DECISION_THRESHOLDS,
  declined,
  isDeclined,
} from '../lambdas/patterns/hierarchical-decision/decision.js';
export {
  DecisionOutcomeSchema,
  DecisionStepSchema,
} from '../lambdas/patterns/hierarchical-decision/decision-schema.js';
export type {
  DecideOptions,
  HierarchicalDecisionOptions,
} from '../lambdas/patterns/hierarchical-decision/hierarchical-decision.js';
export {
  decisionThresholds,
  HierarchicalDecision,
} from '../lambdas/patterns/hierarchical-decision/hierarchical-decision.js';
export {
  InvalidDecisionError,
  InvalidDecisionHierarchyError,
  NoLayerCouldDecideError,
} from '../lambdas/patterns/hierarchical-decision/hierarchical-decision-error.js';
export type { ReferenceRequest } from '../lambdas/patterns/hierarchical-decision/reference-deciders.js';
export {
  allocateResources,
  operationalDecider,
  optimiseProcess,
  planCapacity,
  prioritiseTasks,
  surestBelow,
  tacticalDecider,
} from '../lambdas/patterns/hierarchical-decision/reference-deciders.js';
export type { DecisionKey } from '../lambdas/patterns/hierarchical-decision/run-layer.js';
export { canonicalKey } from '../lambdas/patterns/hierarchical-decision/run-layer.js';
// Legacy adapter: a legacy HTTP system behind declared field mappings.
export type {
  FieldConversion,
  FieldMapping,
  MappingProblem,
} from '../lambdas/patterns/legacy-adapter/field-mapping.js';
export { conversions, translate } from '../lambdas/patterns/legacy-adapter/field-mapping.js';
export type {
  LegacyAdapterOptions,
  LegacyErrorReader,
  LegacyOperation,
} from '../lambdas/patterns/legacy-adapter/legacy-adapter.js';
export {
  DEFAULT_LEGACY_RETRY,
  defaultLegacyError,
  LegacyAdapter,
} from '../lambdas/patterns/legacy-adapter/legacy-adapter.js';
export type { LegacyAdapterFailure } from '../lambdas/patterns/legacy-adapter/legacy-adapter-error.js';
export {
  LegacyAdapterError,
  LegacySystemError,
} from '../lambdas/patterns/legacy-adapter/legacy-adapter-error.js';
export type {
  AlarmEvaluation,
  Datapoint,
  MetricSample,
} from '../lambdas/patterns/metrics/alarm-evaluation.js';
export {
  datapointsOf,
  evaluateAlarm,
  evaluationRangeOf,
  statisticOf,
} from '../lambdas/patterns/metrics/alarm-evaluation.js';
export type { CloudWatchAlarmProperties } from '../lambdas/patterns/metrics/cloudwatch-alarm-rule.js';
export { alertRuleOfAlarm, cloudWatchAlarmOf } from '../lambdas/patterns/metrics/cloudwatch-alarm-rule.js';
export type { EmfSample, MetricSink } from '../lambdas/patterns/metrics/metric-sinks.js';
export {
  EmfMetricSink,
  InMemoryMetricSink,
  samplesOfEmfLine,
} from '../lambdas/patterns/metrics/metric-sinks.js';
export { MetricObservations, memoryUsedMegabytes } from '../lambdas/patterns/metrics/metric-sources.js';
export type {
  AlertTransition,
  CollectionReport,
  MetricSource,
  MetricsCollectorOptions,
} from '../lambdas/patterns/metrics/metrics-collector.js';
export { MetricsCollector } from '../lambdas/patterns/metrics/metrics-collector.js';
export type {
  AlarmComparison,
  AlarmState,
  AlarmStatistic,
  AlertRule,
  MetricDeclaration,
  MetricsDeclaration,
  MetricsDeclarationInput,
  ResolvedAlertRule,
  TreatMissingData,
} from '../lambdas/patterns/metrics/metrics-declaration.js';
export { declareMetrics } from '../lambdas/patterns/metrics/metrics-declaration.js';
export {
  InvalidMetricsDeclarationError,
  MetricCollectionError,
} from '../lambdas/patterns/metrics/metrics-error.js';
// Transactional outbox: the store's stream to the bus.
export type { EventBridgeOutboxPortOptions } from '../lambdas/patterns/outbox/event-bridge-outbox-port.js';
export { eventBridgeOutboxPort } from '../lambdas/patterns/outbox/event-bridge-outbox-port.js';
export { inProcessOutboxPort } from '../lambdas/patterns/outbox/in-process-outbox-port.js';
export { OutboxOrderHoldError } from '../lambdas/patterns/outbox/outbox-error.js';
export type {
  OutboxEntry,
  OutboxEventMetadata,
  OutboxPublishPort,
} from '../lambdas/patterns/outbox/outbox-publish-port.js';
export type { OutboxPublisherOptions } from '../lambdas/patterns/outbox/outbox-publisher.js';
export { OutboxPublisher } from '../lambdas/patterns/outbox/outbox-publisher.js';
export type {
  OutboxRelayFailure,
  OutboxRelayOptions,
  OutboxRelayStats,
} from '../lambdas/patterns/outbox/outbox-relay.js';
export { OutboxRelay } from '../lambdas/patterns/outbox/outbox-relay.js';
export type { ReplayRange, ReplayResult } from '../lambdas/patterns/outbox/replay-stream.js';
export { replayStream } from '../lambdas/patterns/outbox/replay-stream.js';
export type { PipelineDeps, PipelineResult } from '../lambdas/patterns/pipeline/pipeline.js';
export { Pipeline } from '../lambdas/patterns/pipeline/pipeline.js';
export { PipelineBuilder, pipeline } from '../lambdas/patterns/pipeline/pipeline-builder.js';
export {
  InvalidPipelineError,
  PipelineFailedError,
  PipelineRunMismatchError,
} from '../lambdas/patterns/pipeline/pipeline-error.js';
export type {
  Enriched,
  EnrichmentSource,
  RuleViolation,
  TransformationRule,
  ValidationRule,
} from '../lambdas/patterns/pipeline/reference-stages.js';
export {
  enrichmentStage,
  transformationStage,
  validationStage,
} from '../lambdas/patterns/pipeline/reference-stages.js';
export type {
  RecoveryHandler,
  Stage,
  StageContext,
  StageError,
  StageOutcome,
} from '../lambdas/patterns/pipeline/stage.js';
export { stageError, stageOutput } from '../lambdas/patterns/pipeline/stage.js';
export type { StageRecord } from '../lambdas/patterns/pipeline/stage-record.js';
export { digestOf } from '../lambdas/patterns/pipeline/stage-record.js';
// Smart routing: the best candidate by shared history, with a fallback.
export type { CandidateScore, ScoringOptions } from '../lambdas/patterns/smart-routing/routing-score.js';
export {
  compatibilityOf,
  rank,
  scoreCandidate,
  trainModel,
} from '../lambdas/patterns/smart-routing/routing-score.js';
export type {
  Routed,
  RoutingRequest,
  SmartRouterOptions,
} from '../lambdas/patterns/smart-routing/smart-router.js';
export { RoutingFailedError, SmartRouter } from '../lambdas/patterns/smart-routing/smart-router.js';
export type { StepRecord, ToolChainDeps } from '../lambdas/patterns/tool-chain/run-chain-step.js';
export type { ChainFailure, ChainResult } from '../lambdas/patterns/tool-chain/run-tool-chain.js';
export { runToolChain } from '../lambdas/patterns/tool-chain/run-tool-chain.js';
export type {
  ChainContext,
  ChainErrorHandling,
  ChainStep,
  ChainStrategy,
  ToolChain,
  ToolChainDefinition,
} from '../lambdas/patterns/tool-chain/tool-chain.js';
export { DEFAULT_STEP_RETRY, defineToolChain } from '../lambdas/patterns/tool-chain/tool-chain.js';
export {
  InvalidToolChainError,
  UnknownToolChainError,
} from '../lambdas/patterns/tool-chain/tool-chain-error.js';
export { ToolChains } from '../lambdas/patterns/tool-chain/tool-chains.js';
// Tools: typed functions agents and models call.
export type { AnyTool, Tool, ToolContext } from '../lambdas/patterns/tools/tool.js';
export { defineTool, invokeTool } from '../lambdas/patterns/tools/tool.js';
export type { ToolCallError } from '../lambdas/patterns/tools/tool-error.js';
export { InvalidToolError, ToolRunError, ToolSchemaError } from '../lambdas/patterns/tools/tool-error.js';
export type { ToolJsonSchema } from '../lambdas/patterns/tools/tool-json-schema.js';
export { toolJsonSchema } from '../lambdas/patterns/tools/tool-json-schema.js';
// Tool chains: tools composed, by strategy and error handling.
export type { RetryPolicy } from '../lambdas/runtime/aws/retry-policy.js';
