import type { LocalClock } from './local-clock.js';
import type { LocalDeployment } from './local-deployment.js';

/** What one invocation of a function returned (RequestResponse). */
export interface FunctionResult {
  /** The handler's JSON result, or AWS's `{errorType, errorMessage, trace}` when it threw. */
  readonly payload: string;
  /** `Unhandled` when the handler threw, timed out or its worker crashed (AWS's `X-Amz-Function-Error`). */
  readonly functionError: 'Unhandled' | undefined;
}

/**
 * The local Lambda service as the other local services call it. Unknown functions throw `AwsServiceError`
 * `ResourceNotFoundException` (404); a function at its reserved concurrency throws `TooManyRequestsException`
 * (429, transient), which EventBridge retries under the rule's retry policy.
 */
export interface LocalFunctions {
  /** Runs the function and waits for its result (InvocationType `RequestResponse`). */
  invoke(functionName: string, payload: string): Promise<FunctionResult>;
  /**
   * Accepts an event for asynchronous invocation (InvocationType `Event`) and returns once it is queued; the
   * function's async configuration (retries, maximum event age, on-failure destination, DLQ) governs it from
   * there.
   */
  invokeAsync(functionName: string, payload: string): Promise<void>;
}

export interface QueueMessageAttribute {
  readonly DataType: string;
  readonly StringValue?: string;
  readonly BinaryValue?: string;
}

/** The local SQS service as the other local services call it; queues are named by ARN or URL. */
export interface LocalQueues {
  sendMessage(message: {
    readonly queue: string;
    readonly body: string;
    readonly attributes?: Readonly<Record<string, QueueMessageAttribute>>;
    readonly messageGroupId?: string;
    readonly deduplicationId?: string;
  }): Promise<{ readonly messageId: string }>;
}

/** One entry of PutEvents, in the API's shape. */
export interface PutEventsEntry {
  readonly Source?: string;
  readonly DetailType?: string;
  readonly Detail?: string;
  readonly EventBusName?: string;
  readonly Resources?: readonly string[];
  readonly Time?: string;
  readonly TraceHeader?: string;
}

export interface PutEventsResult {
  readonly FailedEntryCount: number;
  readonly Entries: readonly {
    readonly EventId?: string;
    readonly ErrorCode?: string;
    readonly ErrorMessage?: string;
  }[];
}

/** The local EventBridge service as the other local services call it (Step Functions tasks, destinations). */
export interface LocalEvents {
  putEvents(entries: readonly PutEventsEntry[]): Promise<PutEventsResult>;
}

/** The local Step Functions service as the other local services call it (rule targets, nested starts). */
export interface LocalExecutions {
  startExecution(request: {
    readonly stateMachineArn: string;
    readonly name?: string;
    readonly input?: string;
  }): Promise<{ readonly executionArn: string; readonly startDate: Date }>;
}

/** One thing that happened in the local cloud, for `agentbridge trace`. */
export interface JournalEntry {
  /** Virtual time (the local cloud's clock), epoch milliseconds. */
  readonly at: number;
  readonly service: 'events' | 'lambda' | 'states' | 'sqs' | 'streams' | 'dynamodb';
  /** What happened, e.g. `PutEvents`, `Delivered`, `DeliveryFailed`, `Invoked`, `ExecutionSucceeded`. */
  readonly action: string;
  /** The name of the bus, rule, function, queue or state machine it happened at. */
  readonly resource: string;
  /** The event, payload or output involved, as JSON text: trace finds entries by the ids it contains. */
  readonly payload: string;
  /** The outcome or error, when there is one. */
  readonly detail?: string;
}

/** Where every service writes what happened; `agentbridge trace` and tests read it back. */
export interface LocalJournal {
  record(entry: Omit<JournalEntry, 'at'>): void;
  entries(): readonly JournalEntry[];
}

/**
 * What every local service is built with: the deployment it runs, the one virtual clock, the journal, the
 * endpoint URL functions are pointed back at, and the other services — read when a call is made (the services
 * reference one another, so they are set once all are built).
 */
/**
 * Faults the local cloud injects on purpose, switched at run time (by tests, or `PUT /_agentbridge/faults`),
 * to show that what AWS allows is survived: EventBridge delivers at least once, so any event may arrive twice.
 */
export interface LocalFaults {
  /** Every matched target gets each event twice, the copies at once (same event id, as AWS's duplicates). */
  duplicateDeliveries: boolean;
}

export interface LocalCloudContext {
  readonly deployment: LocalDeployment;
  readonly clock: LocalClock;
  readonly journal: LocalJournal;
  /** `http://127.0.0.1:<port>`, once the endpoint listens. */
  endpointUrl(): string;
  functions(): LocalFunctions;
  queues(): LocalQueues;
  events(): LocalEvents;
  executions(): LocalExecutions;
}
