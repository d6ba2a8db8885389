import { decodeListCursor, encodeListCursor } from '../list-cursor.js';
import type { ClaimOutcome, EmailClaim, RegistrationPage, UserClaimsPort } from '../user-claims-port.js';

const LISTING = 'registration';

/**
 * Email claims and registrations in process memory; each operation checks and writes in one synchronous
 * step, like the DynamoDB adapter's conditional writes.
 *
 * @example
 * ```ts
 * const claims = new InMemoryUserClaims();
 * await claims.claimEmail('ada@example.com', 'u-1', Date.now());
 * ```
 */
export class InMemoryUserClaims implements UserClaimsPort {
  readonly #claims = new Map<string, EmailClaim>();
  readonly #registrations = new Set<string>();

  async register(userId: string, _atMs: number): Promise<{ created: boolean }> {
    if (this.#registrations.has(userId)) return { created: false };
    this.#registrations.add(userId);
    return { created: true };
  }

  async claimEmail(email: string, userId: string, atMs: number): Promise<ClaimOutcome> {
    const existing = this.#claims.get(email);
    if (existing && existing.userId !== userId) return { kind: 'held', claim: { ...existing } };
    if (existing) return { kind: 'claimed', claim: { ...existing } };
    const claim = { email, userId, claimedAtMs: atMs };
    this.#claims.set(email, claim);
    return { kind: 'claimed', claim: { ...claim } };
  }

  async takeOverEmail(email: string, stale: EmailClaim, userId: string, atMs: number): Promise<boolean> {
    const existing = this.#claims.get(email);
    if (existing?.userId !== stale.userId || existing.claimedAtMs !== stale.claimedAtMs) return false;
    this.#claims.set(email, { email, userId, claimedAtMs: atMs });
    return true;
  }

  async releaseEmail(email: string, userId: string): Promise<void> {
    if (this.#claims.get(email)?.userId === userId) this.#claims.delete(email);
  }

  async emailClaim(email: string): Promise<EmailClaim | undefined> {
    const claim = this.#claims.get(email);
    return claim === undefined ? undefined : { ...claim };
  }

  async registrations(options: { limit: number; cursor?: string }): Promise<RegistrationPage> {
    const after =
      options.cursor === undefined ? undefined : String(decodeListCursor(LISTING, options.cursor).id);
    const ids = [...this.#registrations].sort().filter((id) => after === undefined || id > after);
    const userIds = ids.slice(0, options.limit);
    const last = userIds.at(-1);
    return ids.length > options.limit && last !== undefined
      ? { userIds, cursor: encodeListCursor(LISTING, { id: last }) }
      : { userIds };
  }
}
