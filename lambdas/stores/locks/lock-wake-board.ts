/** One waiter's line to the board, open for its whole wait so that no wake-up can fall between two polls. */
export interface LockWakeSubscription {
  /** Resolves `true` as soon as the resource was woken (also if that happened before this call), else `false` after `ms`. */
  wait(ms: number): Promise<boolean>;
  close(): void;
}

class Subscription implements LockWakeSubscription {
  #pending = false;
  #resolve: ((woken: boolean) => void) | undefined;
  #timer: NodeJS.Timeout | undefined;
  readonly #onClose: (subscription: Subscription) => void;

  constructor(onClose: (subscription: Subscription) => void) {
    this.#onClose = onClose;
  }

  wait(ms: number): Promise<boolean> {
    if (this.#pending) {
      this.#pending = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      this.#resolve = resolve;
      this.#timer = setTimeout(() => this.#settle(false), ms);
    });
  }

  notify(): void {
    if (this.#resolve === undefined) this.#pending = true;
    else this.#settle(true);
  }

  close(): void {
    this.#settle(false);
    this.#onClose(this);
  }

  #settle(woken: boolean): void {
    clearTimeout(this.#timer);
    const resolve = this.#resolve;
    this.#resolve = undefined;
    this.#timer = undefined;
    resolve?.(woken);
  }
}

/**
 * In-process notification for one `LockManager`: a release or a waiter leaving wakes the local waiters of
 * that resource at once. Waiters in other processes (other Lambda containers) are not reachable from here;
 * they notice at their next poll, which is why waiting is poll-based with this board only as a shortcut.
 *
 * @example
 * ```ts
 * const subscription = board.subscribe('order/42');
 * const woken = await subscription.wait(200); // true when board.wake('order/42') ran meanwhile
 * subscription.close();
 * ```
 */
export class LockWakeBoard {
  readonly #subscribers = new Map<string, Set<Subscription>>();

  subscribe(resource: string): LockWakeSubscription {
    const subscribers = this.#subscribers.get(resource) ?? new Set<Subscription>();
    this.#subscribers.set(resource, subscribers);
    const subscription = new Subscription((closed) => {
      subscribers.delete(closed);
      if (subscribers.size === 0 && this.#subscribers.get(resource) === subscribers) {
        this.#subscribers.delete(resource);
      }
    });
    subscribers.add(subscription);
    return subscription;
  }

  wake(resource: string): void {
    for (const subscription of this.#subscribers.get(resource) ?? []) subscription.notify();
  }
}
