export interface TaskTokenPut {
  readonly orderId: string;
  /** The trigger (event name) the state machine waits for. */
  readonly trigger: string;
  /** The waiting state (e.g. the order state `created`), kept with the token so a resume knows its wait. */
  readonly state: string;
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

/** A parked wait's item, token included (for the agent that resumes it; listings never show it). */
export interface ParkedWait extends AwaitedTrigger {
  readonly state: string;
  readonly token: string;
}

/** A trigger that arrived and has not resumed a wait yet: the inbox item of (order, trigger). */
export interface RecordedTrigger {
  readonly trigger: string;
  /** The trigger event's message id: the first recorded event of a trigger wins. */
  readonly eventId: string;
  /** What the resumed wait receives (the SendTaskSuccess output), as JSON text. */
  readonly signal: string;
  readonly expiresAt: number;
}

export interface TriggerRecord {
  readonly orderId: string;
  readonly trigger: string;
  readonly eventId: string;
  readonly signal: string;
  readonly ttlSeconds: number;
}

/** Which trigger resumes the wait of one token: the first claim wins, so one wait is resumed by one trigger. */
export interface WaitClaim {
  readonly token: string;
  readonly trigger: string;
  readonly eventId: string;
  readonly expiresAt: number;
}

export interface WaitClaimPut extends Omit<WaitClaim, 'expiresAt'> {
  readonly orderId: string;
  readonly ttlSeconds: number;
}

/** Everything one order holds in the store (live items only), read in one consistent call. */
export interface OrderTriggers {
  readonly waits: readonly ParkedWait[];
  readonly inbox: readonly RecordedTrigger[];
  readonly claims: readonly WaitClaim[];
}

/**
 * Task tokens of the order lifecycle and the triggers that resume them. A wait parks its token per (order,
 * awaited trigger); a trigger is recorded in the order's inbox (first event of a trigger wins), the first
 * trigger to claim a token resumes that wait, and only then are the wait's items removed, each on condition
 * that it still holds the same token (a newer wait's token is never touched). Every item expires with a TTL.
 *
 * @example
 * ```ts
 * await store.put({ orderId: 'o-1', trigger: 'PaymentCompleted', state: 'created', token, ttlSeconds: 3600 });
 * const claim = await store.claim({ orderId: 'o-1', token, trigger: 'PaymentCompleted', eventId, ttlSeconds: 3600 });
 * if (claim.trigger === 'PaymentCompleted') await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output }));
 * await store.remove('o-1', 'PaymentCompleted', token);
 * ```
 */
export interface TaskTokenStore {
  /** Stores the token, replacing a previous one for the same (order, trigger): the newest wait is the live one. */
  put(entry: TaskTokenPut): Promise<void>;
  /** The triggers the order is waiting for now (live tokens only), triggers ascending; tokens stay hidden. */
  peek(orderId: string): Promise<AwaitedTrigger[]>;
  /** The order's parked waits, recorded triggers and claims (live items only), each list ascending. */
  read(orderId: string): Promise<OrderTriggers>;
  /** Removes the wait item of (order, trigger) if it still holds `token`; false if it is gone or newer. */
  remove(orderId: string, trigger: string, token: string): Promise<boolean>;
  /** Records a trigger unless one is recorded for (order, trigger) already; returns the recorded one. */
  record(entry: TriggerRecord): Promise<RecordedTrigger>;
  /** Removes the recorded trigger if it is still the one of `eventId`; false otherwise. */
  discard(orderId: string, trigger: string, eventId: string): Promise<boolean>;
  /** Claims the wait of `token` unless it is claimed already; returns the claim that holds it (the first). */
  claim(entry: WaitClaimPut): Promise<WaitClaim>;
}
