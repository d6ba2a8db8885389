/** One entry of an `events:putEvents` task, as the state machine wrote it (Detail still an object). */
export interface LocalEventEntry {
  readonly EventBusName?: string;
  readonly Source: string;
  readonly DetailType: string;
  readonly Detail: unknown;
  readonly Resources?: readonly string[];
}

/**
 * Where a local execution's `events:putEvents` tasks deliver (the publish port of the engine). Throwing
 * fails the task, so its Retry/Catch apply as they would to `EventBridge.FailedEntry`.
 *
 * @example
 * ```ts
 * const sink: LocalEventSink = { putEvents: async (entries) => void console.log(entries) };
 * ```
 */
export interface LocalEventSink {
  /** `source` names the execution when a state machine put them; a function's own PutEvents has none. */
  putEvents(entries: readonly LocalEventEntry[], source?: { readonly executionArn: string }): Promise<void>;
}
