import { type UserView, userStreamId } from '../../contracts/users/user-values.js';
import type { EventStore } from '../../stores/event-store/event-store.js';
import type { UserClaimsPort } from '../../stores/users/user-claims-port.js';
import type { UserReadModelPort } from '../../stores/users/user-read-model-port.js';
import { userReducer } from './user-reducer.js';

export interface UserProjectionDeps {
  readonly events: EventStore;
  readonly readModel: UserReadModelPort;
  readonly claims: UserClaimsPort;
}

export interface UserProjection {
  /** Applies every event after the row's checkpoint; returns the row (undefined: no events yet). */
  catchUp(userId: string): Promise<UserView | undefined>;
  /** Replays the stream from version 0 and replaces the row. */
  rebuild(userId: string): Promise<UserView | undefined>;
  /** Rebuilds every registered user from version 0; returns how many rows were written. */
  rebuildAll(): Promise<number>;
}

/** A catch-up that keeps losing its conditional write to other catch-ups of the same user reloads this often. */
const CATCH_UP_ATTEMPTS = 5;
const PAGE = 100;

/**
 * Keeps the user read model from the user streams. The checkpoint is per stream: the row's `version`. A
 * domain event off the bus is only a nudge ("user X changed"): catch-up reads the stream from checkpoint + 1,
 * so a duplicate delivery applies nothing, a lost or reordered one is healed by the next, and no version has
 * to travel on the wire. Writes are conditional on the checkpoint, so two concurrent catch-ups cannot
 * interleave. `rebuild` replays from version 0 with the same reducer; the result equals the live row.
 *
 * @example
 * ```ts
 * const projection = userProjection({ events, readModel, claims });
 * await projection.catchUp('u-1');
 * ```
 */
export function userProjection(deps: UserProjectionDeps): UserProjection {
  const { events, readModel, claims } = deps;

  const foldFrom = async (userId: string, start: UserView | null): Promise<UserView | null> => {
    let view = start;
    let cursor: string | undefined;
    do {
      const page = await events.readForward(userStreamId(userId), {
        ...(cursor === undefined ? { fromVersion: (start?.version ?? 0) + 1 } : { cursor }),
        limit: PAGE,
      });
      for (const event of page.events) view = userReducer.apply(view, event);
      cursor = page.cursor;
    } while (cursor !== undefined);
    return view;
  };

  const rebuild = async (userId: string): Promise<UserView | undefined> => {
    const view = await foldFrom(userId, null);
    if (view === null) return undefined;
    await readModel.replace(view);
    return view;
  };

  return {
    async catchUp(userId) {
      for (let attempt = 1; ; attempt += 1) {
        const row = (await readModel.get(userId)) ?? null;
        const view = await foldFrom(userId, row);
        if (view === null) return undefined;
        if (view.version === row?.version) return view;
        if (await readModel.save(view, row?.version ?? 0)) return view;
        if (attempt >= CATCH_UP_ATTEMPTS) return (await readModel.get(userId)) ?? view;
      }
    },

    rebuild,

    async rebuildAll() {
      let written = 0;
      let cursor: string | undefined;
      do {
        const page = await claims.registrations({ limit: PAGE, ...(cursor === undefined ? {} : { cursor }) });
        for (const userId of page.userIds) if (await rebuild(userId)) written += 1;
        cursor = page.cursor;
      } while (cursor !== undefined);
      return written;
    },
  };
}
