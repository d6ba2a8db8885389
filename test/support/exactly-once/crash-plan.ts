import type {
  AgentStateStore,
  StoredAgentState,
} from '../../../lambdas/stores/agent-state/agent-state-store.js';
import type { AppliedMessage } from '../../../lambdas/stores/agent-state/applied-messages.js';
import { StoreUnavailableError } from '../../../lambdas/stores/store-errors.js';

/**
 * Where a delivery can die: before or after each store call, and after the invocation answered (the answer
 * never reaches the caller, so the message is redelivered). After a `put`, the write is applied but its
 * answer is lost, the window a separate idempotency record used to leave open.
 */
export const CRASH_POINTS = ['before-get', 'after-get', 'before-put', 'after-put', 'after-answer'] as const;
export type CrashPoint = (typeof CRASH_POINTS)[number];

/**
 * Decides, at each crash point deliveries pass, whether the delivery dies there: `gaps` (a fast-check draw)
 * says how many points pass unharmed before each crash; after the last crash none, so every message is
 * acknowledged in the end. Counts what it injected.
 */
export class CrashPlan {
  readonly #gaps: number[];
  readonly injected = new Map<CrashPoint, number>();
  passed = 0;
  #untilCrash: number | undefined;

  constructor(gaps: readonly number[]) {
    this.#gaps = [...gaps];
    this.#untilCrash = this.#gaps.shift();
  }

  /** Throws a transient store error (what a killed or cut-off container looks like) if the plan says so. */
  at(point: CrashPoint): void {
    this.passed++;
    if (this.#untilCrash === undefined) return;
    if (this.#untilCrash > 0) {
      this.#untilCrash--;
      return;
    }
    this.#untilCrash = this.#gaps.shift();
    this.injected.set(point, (this.injected.get(point) ?? 0) + 1);
    throw new StoreUnavailableError('agent-state', point, { cause: new Error(`crash injected ${point}`) });
  }
}

/** An agent-state store that dies where the plan says, around each `get` and `put`. */
export class CrashingAgentStateStore implements AgentStateStore {
  readonly #inner: AgentStateStore;
  readonly #plan: CrashPlan;

  constructor(inner: AgentStateStore, plan: CrashPlan) {
    this.#inner = inner;
    this.#plan = plan;
  }

  async get(agentId: string): Promise<StoredAgentState | undefined> {
    this.#plan.at('before-get');
    const stored = await this.#inner.get(agentId);
    this.#plan.at('after-get');
    return stored;
  }

  async put(
    agentId: string,
    state: unknown,
    expectedVersion: number,
    applied?: readonly AppliedMessage[],
  ): Promise<number> {
    this.#plan.at('before-put');
    const version = await this.#inner.put(agentId, state, expectedVersion, applied);
    this.#plan.at('after-put');
    return version;
  }

  list(agentTypes: readonly string[]) {
    return this.#inner.list(agentTypes);
  }

  delete(agentId: string): Promise<void> {
    return this.#inner.delete(agentId);
  }
}
