import { describe, expect, it } from 'vitest';
import { raceAbort, raceSignal } from '../../../lambdas/runtime/abort.js';
import { MessageCancelledError } from '../../../lambdas/runtime/runtime-error.js';

const never = (): Promise<never> => new Promise<never>(() => undefined);

describe('raceSignal', () => {
  it('settles with the work when the signal never aborts', async () => {
    await expect(raceSignal(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7);
    await expect(raceSignal(Promise.reject(new Error('boom')), new AbortController().signal)).rejects.toThrow(
      'boom',
    );
  });

  it('rejects with the reason when the signal aborts while the work runs', async () => {
    const controller = new AbortController();
    const race = raceSignal(never(), controller.signal);
    controller.abort(new Error('caller gave up'));
    await expect(race).rejects.toThrow('caller gave up');
  });

  it('rejects at once for a signal that aborted before the race began (an abort event never comes)', async () => {
    const controller = new AbortController();
    controller.abort(new Error('already gone'));
    await expect(raceSignal(never(), controller.signal)).rejects.toThrow('already gone');
  }, 2_000);

  it('rejects a message with MessageCancelledError for an already aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(raceAbort(never(), controller.signal, 'test.Charge')).rejects.toBeInstanceOf(
      MessageCancelledError,
    );
  }, 2_000);
});
