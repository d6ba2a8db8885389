import { isAgentbridgeError } from '../../contracts/agentbridge-error.js';
import type { AgentStateStore } from '../../stores/agent-state/agent-state-store.js';

/**
 * Where the assistant loop records each model call and tool call of a turn as it completes, so a delivery
 * retried after a crash replays the recorded steps instead of calling the model or the tool again. Step ids
 * are the loop's own (`model:0`, `tool:0:<toolUseId>`); results are JSON.
 */
export interface StepJournal {
  /** The step's recorded result; or runs `run`, records its result, and returns it. */
  once<T>(stepId: string, run: () => Promise<T>): Promise<T>;
}

/** Runs every step, records nothing: for a loop that need not survive a crash (in-process, a demo). */
export const UNRECORDED: StepJournal = { once: (_stepId, run) => run() };

/** How many turns of one agent its journal keeps; older ones are dropped when a new turn records a step. */
export const JOURNAL_TURNS_KEPT = 4;
const RECORD_ATTEMPTS = 5;

interface JournalState {
  readonly turns: { readonly turnId: string; readonly steps: Record<string, unknown> }[];
}

/** The agent type the journal of agents of `agentType` is stored under (grant it with the agent's own). */
export const stepJournalType = (agentType: string): string => `${agentType}.steps`;

/**
 * A step journal in the agent-state store, next to the agent's own state: one item per agent
 * (`<type>.steps/<key>`) holding the steps of its last {@link JOURNAL_TURNS_KEPT} turns, each turn under the
 * id of the message that started it. Every step is one conditional write on the version read (the store's
 * optimistic concurrency); concurrent steps of one turn (tool calls) are written one after another, and a
 * write that loses to another delivery re-reads and keeps the step that delivery recorded, so both answer
 * alike. The agent's state itself is still written once, at the end of the delivery, with the message id.
 *
 * @example
 * ```ts
 * const journal = new AgentStateStepJournal({ store, agentId: ctx.recipient, turnId: ctx.messageId });
 * const completion = await journal.once('model:0', () => model.complete(request));
 * ```
 */
export class AgentStateStepJournal implements StepJournal {
  readonly #store: AgentStateStore;
  readonly #id: string;
  readonly #turnId: string;
  #steps: Record<string, unknown> | undefined;
  #writes: Promise<unknown> = Promise.resolve();

  constructor(options: {
    readonly store: AgentStateStore;
    /** The agent whose turn this is: `{ type, key }` (an `AgentId`). */
    readonly agentId: { readonly type: string; readonly key: string };
    /** The id of the message that started the turn: a redelivery carries the same one. */
    readonly turnId: string;
  }) {
    this.#store = options.store;
    this.#id = `${stepJournalType(options.agentId.type)}/${options.agentId.key}`;
    this.#turnId = options.turnId;
  }

  async once<T>(stepId: string, run: () => Promise<T>): Promise<T> {
    this.#steps ??= turnOf((await this.#store.get(this.#id))?.state, this.#turnId)?.steps ?? {};
    if (Object.hasOwn(this.#steps, stepId)) return this.#steps[stepId] as T;
    const result = await run();
    const write = this.#writes.then(() => this.#record(stepId, result));
    this.#writes = write.catch(() => undefined);
    return (await write) as T;
  }

  /** Writes the step; resolves to the result as recorded (another delivery's, if it recorded first). */
  async #record(stepId: string, result: unknown): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      const stored = await this.#store.get(this.#id);
      const turns = [...((stored?.state as JournalState | undefined)?.turns ?? [])];
      const turn = turnOf(stored?.state, this.#turnId);
      const steps = { ...(turn?.steps ?? {}) };
      if (Object.hasOwn(steps, stepId)) {
        this.#steps = steps;
        return steps[stepId];
      }
      steps[stepId] = JSON.parse(JSON.stringify(result ?? null));
      const next: JournalState = {
        turns: [...turns.filter((old) => old.turnId !== this.#turnId), { turnId: this.#turnId, steps }].slice(
          -JOURNAL_TURNS_KEPT,
        ),
      };
      try {
        await this.#store.put(this.#id, next, stored?.version ?? 0);
        this.#steps = steps;
        return steps[stepId];
      } catch (error) {
        if (!isAgentbridgeError(error, 'STATE_VERSION_CONFLICT') || attempt >= RECORD_ATTEMPTS) throw error;
      }
    }
  }
}

const turnOf = (state: unknown, turnId: string) =>
  (state as JournalState | undefined)?.turns.find((turn) => turn.turnId === turnId);
