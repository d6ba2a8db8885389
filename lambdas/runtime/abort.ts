import { MessageCancelledError } from './runtime-error.js';

/** A signal that never aborts, shared by every call made without one (no allocation per message). */
export const NEVER_ABORTED: AbortSignal = new AbortController().signal;

/**
 * Settles with `work`, unless `signal` aborts first (or has already aborted): then rejects with `onAbort()`
 * (default: the signal's reason). The work itself is not stopped here; whoever runs it sees the same signal.
 *
 * @example
 * ```ts
 * const output = await raceSignal(client.send(command, { abortSignal }), abortSignal);
 * ```
 */
export function raceSignal<T>(
  work: Promise<T>,
  signal: AbortSignal,
  onAbort: () => unknown = () => signal.reason,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(onAbort());
    // An 'abort' event fires once: a signal that aborted before the race (even synchronously inside the call
    // that produced `work`) would otherwise leave the race waiting on the work for ever.
    if (signal.aborted) {
      abort();
      return;
    }
    signal.addEventListener('abort', abort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}

/** {@link raceSignal} for a message: an abort rejects with {@link MessageCancelledError}. */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal, messageType: string): Promise<T> {
  return raceSignal(work, signal, () => new MessageCancelledError(messageType, { cause: signal.reason }));
}
