import type { UserView } from '../../../contracts/users/user-values.js';
import { decodeListCursor, encodeListCursor } from '../list-cursor.js';
import type { UserListOptions, UserPage, UserReadModelPort } from '../user-read-model-port.js';

const LISTING = 'profile';

/**
 * The user read model in process memory. Rows are copied in and out, so no caller aliases stored state.
 *
 * @example
 * ```ts
 * const readModel = new InMemoryUserReadModel();
 * ```
 */
export class InMemoryUserReadModel implements UserReadModelPort {
  readonly #rows = new Map<string, UserView>();

  async get(userId: string): Promise<UserView | undefined> {
    const row = this.#rows.get(userId);
    return row === undefined ? undefined : { ...row };
  }

  async save(view: UserView, expectedVersion: number): Promise<boolean> {
    if ((this.#rows.get(view.userId)?.version ?? 0) !== expectedVersion) return false;
    this.#rows.set(view.userId, { ...view });
    return true;
  }

  async replace(view: UserView): Promise<void> {
    if ((this.#rows.get(view.userId)?.version ?? 0) > view.version) return;
    this.#rows.set(view.userId, { ...view });
  }

  async list(options: UserListOptions): Promise<UserPage> {
    const after =
      options.cursor === undefined ? undefined : String(decodeListCursor(LISTING, options.cursor).id);
    const ids = [...this.#rows.keys()].sort().filter((id) => after === undefined || id > after);
    const users: UserView[] = [];
    for (const [index, id] of ids.entries()) {
      const row = this.#rows.get(id);
      if (row && (options.status === undefined || row.status === options.status)) users.push({ ...row });
      if (users.length === options.limit) {
        return index < ids.length - 1 ? { users, cursor: encodeListCursor(LISTING, { id }) } : { users };
      }
    }
    return { users };
  }
}
