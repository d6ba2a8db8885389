/** Who holds an email address, and since when (epoch milliseconds). */
export interface EmailClaim {
  readonly email: string;
  readonly userId: string;
  readonly claimedAtMs: number;
}

export type ClaimOutcome =
  | { readonly kind: 'claimed'; readonly claim: EmailClaim }
  /** Another user holds it; nothing changed. */
  | { readonly kind: 'held'; readonly claim: EmailClaim };

export interface RegistrationPage {
  readonly userIds: readonly string[];
  /** Present when more registrations follow: pass it back as `cursor`. */
  readonly cursor?: string;
}

/**
 * The users agent's uniqueness items, beside the event store (whose append is its own transaction):
 * - email claims: at most one user holds a normalized address (a conditional create, never a scan);
 * - registrations: a user id once taken stays taken, and the projection's rebuild enumerates them.
 * Adapters: in-memory and DynamoDB, held to one conformance suite.
 */
export interface UserClaimsPort {
  /** Registers the id unless it is registered; `created: false` when it was. */
  register(userId: string, atMs: number): Promise<{ readonly created: boolean }>;
  /** Claims `email` (normalized) for `userId`; succeeds again for the holder itself (a retried command). */
  claimEmail(email: string, userId: string, atMs: number): Promise<ClaimOutcome>;
  /**
   * Moves a stale claim to `userId`, only if it is still exactly `stale` (same holder, same time);
   * false when it changed meanwhile.
   */
  takeOverEmail(email: string, stale: EmailClaim, userId: string, atMs: number): Promise<boolean>;
  /** Deletes the claim if `userId` holds it; a no-op otherwise. */
  releaseEmail(email: string, userId: string): Promise<void>;
  emailClaim(email: string): Promise<EmailClaim | undefined>;
  /** Registered user ids in id order, a page at a time. */
  registrations(options: { readonly limit: number; readonly cursor?: string }): Promise<RegistrationPage>;
}
