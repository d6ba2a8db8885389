export interface TaskTokenPut {
  readonly orderId: string;
  /** The trigger (event name) the state machine waits for. */
  readonly trigger: string;
  /** The `$$.Task.Token` of the waiting `.waitForTaskToken` state. */
  readonly token: string;
  /** Lifetime; match the waiting state's TimeoutSeconds so a token never outlives its execution step. */
  readonly ttlSeconds: number;
}

export interface AwaitedTrigger {
  readonly trigger: string;
  /** Epoch seconds after which the token is treated as absent. */
  readonly expiresAt: number;
}

/**
 * Task tokens of the order lifecycle: the state machine parks a token per (order, awaited trigger); the
 * trigger's handler takes it exactly once to resume the execution. Tokens expire with a TTL.
 *
 * @example
 * ```ts
 * await store.put({ orderId: 'o-1', trigger: 'PaymentReceived', token, ttlSeconds: 3600 });
 * const token = await store.take('o-1', 'PaymentReceived'); // again → TaskTokenNotFoundError
 * await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));
 * ```
 */
export interface TaskTokenStore {
  /** Stores the token, replacing a previous one for the same (order, trigger): the newest wait is the live one. */
  put(entry: TaskTokenPut): Promise<void>;
  /** Removes and returns the live token; `TaskTokenNotFoundError` (with the awaited triggers) if none. */
  take(orderId: string, trigger: string): Promise<string>;
  /** The triggers the order is waiting for now (live tokens only), triggers ascending; tokens stay hidden. */
  peek(orderId: string): Promise<AwaitedTrigger[]>;
}
