import type { UserStatus, UserView } from '../../contracts/users/user-values.js';

export interface UserListOptions {
  readonly status?: UserStatus;
  readonly limit: number;
  readonly cursor?: string;
}

export interface UserPage {
  readonly users: readonly UserView[];
  /** Present when more users may follow: pass it back as `cursor`. */
  readonly cursor?: string;
}

/**
 * The CQRS read model of users: one row per user, written only by the projection. A row's `version` is the
 * user stream version it reflects, i.e. the projection's per-stream checkpoint, stored in the same item so
 * the view and its checkpoint can never disagree. Adapters: in-memory and DynamoDB.
 */
export interface UserReadModelPort {
  get(userId: string): Promise<UserView | undefined>;
  /**
   * Writes `view` only if the stored row is still at `expectedVersion` (0 = no row yet); false when the
   * projection elsewhere moved it first (the caller reloads and continues from there).
   */
  save(view: UserView, expectedVersion: number): Promise<boolean>;
  /**
   * A rebuild's write: replaces the row whatever it holds, unless the stored row is at a newer version (a live
   * catch-up ran past the rebuild's read): a rebuild never moves a row backwards.
   */
  replace(view: UserView): Promise<void>;
  /** Users in id order; `status` filters (the page may then hold fewer than `limit`). */
  list(options: UserListOptions): Promise<UserPage>;
}
