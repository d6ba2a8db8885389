import { InvalidOptionError } from './event-store-input-error.js';
import type { StoredEvent } from './stored-event.js';

/**
 * Folds a stream into state (the aggregate's `evolve`). `version` is the reducer's schema version: bump it
 * whenever `apply` or the state's shape changes, and snapshots written by older reducers are ignored.
 * State must be JSON-serialisable (plain objects, arrays, strings, finite numbers, booleans, null) because
 * snapshots store it as JSON; `apply` must be pure so a snapshot plus its tail equals a full replay.
 *
 * @example
 * ```ts
 * const counter: Reducer<{ count: number }> = {
 *   version: 1,
 *   initial: () => ({ count: 0 }),
 *   apply: (state) => ({ count: state.count + 1 }),
 * };
 * ```
 */
export interface Reducer<S> {
  readonly version: number;
  initial(): S;
  apply(state: S, event: StoredEvent): S;
}

/** What `load`/`loadAt` return: the folded state and the version of the last event folded in. */
export interface LoadedState<S> {
  readonly state: S;
  /** 0 when the stream has no events. */
  readonly version: number;
  /** The version of the snapshot the load started from, if one was used. */
  readonly snapshotVersion?: number;
}

/**
 * Checks a reducer is usable before anything is read with it.
 *
 * @throws InvalidOptionError when `version` is not a non-negative integer or a method is missing.
 * @example
 * ```ts
 * assertReducer(counter);
 * ```
 */
export function assertReducer(reducer: Reducer<unknown>): void {
  if (typeof reducer !== 'object' || reducer === null) {
    throw new InvalidOptionError('reducer', reducer, 'expected { version, initial, apply }');
  }
  if (!Number.isSafeInteger(reducer.version) || reducer.version < 0) {
    throw new InvalidOptionError('reducer.version', reducer.version, 'expected a non-negative integer');
  }
  if (typeof reducer.initial !== 'function' || typeof reducer.apply !== 'function') {
    throw new InvalidOptionError('reducer', reducer, 'expected initial() and apply(state, event)');
  }
}
