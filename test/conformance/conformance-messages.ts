import * as z from 'zod';
import { defineMessage } from '../../lambdas/contracts/message-type.js';

export const Ping = defineMessage('conformance.Ping', z.object({ text: z.string() }), {
  response: z.object({ reply: z.string() }),
});
export const Note = defineMessage('conformance.Note', z.object({ text: z.string() }));
export const Task = defineMessage(
  'conformance.Task',
  z.object({ kind: z.enum(['a', 'b', 'c']), n: z.number() }),
);
export const Round = defineMessage('conformance.Round', z.object({ round: z.number().int() }));
export const Fail = defineMessage('conformance.Fail', z.object({ code: z.string() }));
export const Slow = defineMessage('conformance.Slow', z.object({ ms: z.number() }));
export const Count = defineMessage('conformance.Count', z.object({ by: z.number() }), {
  response: z.object({ total: z.number() }),
});
/** A schema whose output its own input schema refuses: the receiving side's check fails. */
export const Measured = defineMessage(
  'conformance.Measured',
  z.object({ text: z.string().transform((text) => text.length) }),
);
export const Bag = defineMessage('conformance.Bag', z.object({ items: z.record(z.string(), z.unknown()) }), {
  response: z.object({ items: z.record(z.string(), z.unknown()) }),
});
