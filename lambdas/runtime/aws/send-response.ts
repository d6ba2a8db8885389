import * as z from 'zod';
import type { WireError } from './remote-agent-error.js';

const WireErrorSchema = z.object({ name: z.string(), code: z.string(), message: z.string() });

/**
 * What an agent function answers a send with: the handler's return value, or the error it threw as
 * name/code/message. Transient failures are not answered: the function throws, and Lambda reports a
 * `FunctionError` instead.
 */
export const SendResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: WireErrorSchema }),
]);
export type SendResponse = { ok: true; result: unknown } | { ok: false; error: WireError };

/** Errors without a string `code` (a TypeError, say) cross the wire with this one. */
export const UNCODED_ERROR = 'HANDLER_ERROR';

/**
 * An error as name/code/message for the wire.
 *
 * @example
 * ```ts
 * toWireError(new CantHandleError('no handler')); // { name: 'CantHandleError', code: 'CANT_HANDLE', message: 'no handler' }
 * ```
 */
export function toWireError(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', code: UNCODED_ERROR, message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, code: typeof code === 'string' ? code : UNCODED_ERROR, message: error.message };
}
