import type { Lock, LockHolder } from '../../../lambdas/stores/locks/lock.js';

/** The grant the store should hold (its lease may have lapsed without anyone taking over). */
interface ModelGrant {
  owner: string;
  lockId: string;
  fencingToken: number;
  expiresAt: number;
  reentrantCount: number;
}

/**
 * The reference model of one resource's lock for the property tests: what every operation must do, given
 * the time. The real store is checked against it after every step.
 */
export class LockModel {
  #grant: ModelGrant | undefined;
  #latestToken = 0;
  #lastAcceptedToken: number | undefined;
  readonly #lastLock = new Map<string, Lock>();

  /**
   * What `acquire` by `owner` must do now. Only a live lease is re-entered: an owner back after its lease
   * ended competes for a fresh grant like anyone else (new token, count 1).
   */
  acquireOutcome(owner: string, now: number): 'reenter' | 'grant' | 'held' {
    if (this.isFree(now)) return 'grant';
    return this.liveOwner(now) === owner ? 'reenter' : 'held';
  }

  /** Owners whose acquire would be a fresh grant race for the lock; exactly one may win. */
  isFree(now: number): boolean {
    return this.#grant === undefined || this.#grant.expiresAt < now;
  }

  /** The owner whose acquire would re-enter: the grant's owner while its lease lasts. */
  liveOwner(now: number): string | undefined {
    return this.isFree(now) ? undefined : this.#grant?.owner;
  }

  get latestToken(): number {
    return this.#latestToken;
  }

  /** The last lock this owner was given (kept after it lapsed: a paused holder still has it). */
  lastLock(owner: string): Lock | undefined {
    return this.#lastLock.get(owner);
  }

  /** Whether `release`/`extend` with this owner's last lock id must succeed. */
  ownsCurrentGrant(owner: string): boolean {
    const lock = this.#lastLock.get(owner);
    return lock !== undefined && this.#grant?.lockId === lock.lockId;
  }

  /** Whether a fenced write with this owner's last token must be accepted. */
  writeAccepted(owner: string): boolean {
    const token = this.#lastLock.get(owner)?.fencingToken;
    return token !== undefined && (this.#lastAcceptedToken === undefined || token >= this.#lastAcceptedToken);
  }

  granted(lock: Lock): void {
    this.#grant = { ...lock };
    this.#latestToken = lock.fencingToken;
    this.#lastLock.set(lock.owner, lock);
  }

  reentered(lock: Lock): void {
    this.#grant = { ...lock };
    this.#lastLock.set(lock.owner, lock);
  }

  released(): void {
    if (this.#grant === undefined) return;
    this.#grant.reentrantCount -= 1;
    if (this.#grant.reentrantCount === 0) this.#grant = undefined;
  }

  extended(expiresAt: number): void {
    if (this.#grant !== undefined) this.#grant.expiresAt = expiresAt;
  }

  accepted(token: number): void {
    this.#lastAcceptedToken = token;
  }

  /** The only holder the store may report at `now`. */
  expectedHolder(now: number): LockHolder | undefined {
    const grant = this.#grant;
    if (grant === undefined || grant.expiresAt < now) return undefined;
    const { owner, fencingToken, expiresAt, reentrantCount } = grant;
    return { owner, fencingToken, expiresAt, reentrantCount };
  }
}
