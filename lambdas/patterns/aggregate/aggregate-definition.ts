import type { NewEvent } from '../../stores/event-store/new-event.js';
import type { Reducer } from '../../stores/event-store/reducer.js';

/** What `decide` knows besides the command and the state. */
export interface DecisionContext {
  readonly streamId: string;
  /** The version the state was loaded at; the append expects exactly this version. */
  readonly version: number;
}

/**
 * An event-sourced aggregate: `evolve` folds events into state (a {@link Reducer}, so snapshots work),
 * `decide` turns a command and the current state into new events — or throws a domain error to reject it.
 * Both must be pure: `decide` may run several times for one command when writers race.
 *
 * @example
 * ```ts
 * const users: AggregateDefinition<UserState, UserCommand> = {
 *   evolve: userReducer,
 *   decide: (command, state) => {
 *     if (command.kind === 'create' && state.exists) throw new UserAlreadyExistsError(command.userId);
 *     return [{ type: 'UserCreated', data: { name: command.name } }];
 *   },
 * };
 * ```
 */
export interface AggregateDefinition<S, C> {
  readonly evolve: Reducer<S>;
  decide(command: C, state: S, context: DecisionContext): readonly NewEvent[] | Promise<readonly NewEvent[]>;
}
