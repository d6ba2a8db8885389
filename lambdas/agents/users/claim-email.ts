import { type Clock, systemClock } from '../../contracts/clock.js';
import { normalizeEmail, userStreamId } from '../../contracts/users/user-values.js';
import type { EventStore } from '../../stores/event-store/event-store.js';
import type { EmailClaim, UserClaimsPort } from '../../stores/users/user-claims-port.js';
import { userReducer } from './user-reducer.js';
import { EmailAlreadyTakenError } from './users-error.js';

export interface ClaimEmailDeps {
  readonly events: EventStore;
  readonly claims: UserClaimsPort;
  /**
   * How long a claim whose holder's stream does not (yet) show the address still counts as a command in
   * flight between its claim and its append. Must exceed the longest command (the Lambda timeout).
   */
  readonly claimGraceMs: number;
  /** Dates claims and ages them against the grace period; default the wall clock. */
  readonly clock?: Clock;
}

const nowOf = (deps: ClaimEmailDeps): number => (deps.clock ?? systemClock).now();

/** Default grace: 5 minutes, well past a command's 30 s Lambda timeout. */
export const DEFAULT_CLAIM_GRACE_MS = 5 * 60_000;

/**
 * A claim is live when its holder's event stream (the truth) shows the holder active with that address, or
 * when it is younger than the grace period (its command may still be about to append). Anything else is
 * debris from a command that died between its steps.
 */
async function isLive(deps: ClaimEmailDeps, claim: EmailClaim): Promise<boolean> {
  if (nowOf(deps) - claim.claimedAtMs < deps.claimGraceMs) return true;
  const { state: holder } = await deps.events.load(userStreamId(claim.userId), userReducer);
  return holder !== null && holder.status === 'active' && normalizeEmail(holder.email) === claim.email;
}

/**
 * Claims `email` for `userId` before the command appends its event (the append is a separate transaction).
 * Crash windows and how they heal:
 * - died after the claim, before the append: the claim names a user whose stream lacks the address; the same
 *   command retried reuses it (claims are reentrant per user), and after the grace period anyone may take it
 *   over (conditionally, so two takers cannot both win);
 * - died after the append, before releasing an old address (update, delete): the old claim's holder no longer
 *   shows it, so it is taken over the same way.
 *
 * @throws EmailAlreadyTakenError when a live claim of another user holds the address.
 * @example
 * ```ts
 * const email = await claimEmail(deps, 'Ada@Example.com', 'u-1'); // 'ada@example.com'
 * ```
 */
export async function claimEmail(deps: ClaimEmailDeps, email: string, userId: string): Promise<string> {
  const normalized = normalizeEmail(email);
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const outcome = await deps.claims.claimEmail(normalized, userId, nowOf(deps));
    if (outcome.kind === 'claimed') return normalized;
    if (await isLive(deps, outcome.claim)) throw new EmailAlreadyTakenError(email, outcome.claim.userId);
    if (await deps.claims.takeOverEmail(normalized, outcome.claim, userId, nowOf(deps))) return normalized;
  }
  throw new EmailAlreadyTakenError(email, undefined);
}
