import { MessageCancelledError } from './runtime-error.js';

/** A signal that never aborts, shared by every call made without one (no allocation per message). */
export const NEVER_ABORTED: AbortSignal = new AbortController().signal;

/**
 * Settles with `work`, unless `signal` aborts first: then rejects with {@link MessageCancelledError}.
 * The work itself is not stopped here; handlers see the same signal and stop themselves.
 */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal, messageType: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new MessageCancelledError(messageType, { cause: signal.reason }));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
