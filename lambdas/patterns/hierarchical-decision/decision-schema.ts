import * as z from 'zod';
import type { DecisionOutcome, DecisionStep } from './decision.js';

/**
 * The wire forms of a decision's path and outcome, for layers that are separate agents: a lower layer sends
 * its path up, the layer that decides answers with the outcome. Decision data is whatever the deciders make.
 */
const DecisionSchema = z.object({ data: z.unknown(), confidence: z.number(), reason: z.string() });
const RecordedErrorSchema = z.object({ name: z.string(), code: z.string(), message: z.string() });

export const DecisionStepSchema: z.ZodType<DecisionStep<unknown>> = z.object({
  layer: z.string(),
  verdict: z.enum(['decided', 'agreed', 'escalated', 'declined', 'failed', 'best-effort']),
  decision: DecisionSchema.optional(),
  peers: z.array(
    z.object({
      peer: z.string(),
      decision: DecisionSchema.optional(),
      agrees: z.boolean(),
      declined: z.string().optional(),
      error: RecordedErrorSchema.optional(),
    }),
  ),
  consensus: DecisionSchema.optional(),
  declined: z.string().optional(),
  error: RecordedErrorSchema.optional(),
});

export const DecisionOutcomeSchema: z.ZodType<DecisionOutcome<unknown>> = z.object({
  decision: DecisionSchema,
  decidedBy: z.string(),
  verdict: z.enum(['decided', 'agreed', 'best-effort']),
  path: z.array(DecisionStepSchema),
});
