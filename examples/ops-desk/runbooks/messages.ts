import { defineMessage } from 'agentbridge';
import * as z from 'zod';

/** What a runbook run reports of one step. */
const StepReport = z.object({
  step: z.string(),
  tool: z.string(),
  status: z.enum(['succeeded', 'failed', 'skipped']),
  attempts: z.number().int(),
  retryDelaysMs: z.array(z.number()),
  durationMs: z.number(),
  output: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

/** A runbook's result: its output or why it stopped, and every step. */
export const RunbookResult = z.object({
  runbook: z.string(),
  ok: z.boolean(),
  output: z.unknown().optional(),
  failure: z.object({ step: z.string().optional(), code: z.string(), message: z.string() }).optional(),
  steps: z.array(StepReport),
});
export type RunbookResult = z.infer<typeof RunbookResult>;

/**
 * Asks the runbook agent to run one of its runbooks (`restart-service`, `scale-out`, `collect-diagnostics`)
 * on an input; answered with the run's result. An unknown runbook is refused with `UNKNOWN_TOOL_CHAIN`.
 */
export const RunRunbook = defineMessage(
  'RunRunbook',
  z.object({ runbook: z.string().min(1).max(64), input: z.record(z.string(), z.unknown()) }),
  { response: RunbookResult },
);

export const RUNBOOK_AGENT_TYPE = 'runbook';
