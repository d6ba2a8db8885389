import { defineMessage } from 'agentbridge';
import * as z from 'zod';

/**
 * An operator's question to the desk's assistant (`assistant/<operator>`: one conversation per operator,
 * remembered across questions). Answered with the assistant's text and the tools it called on the way.
 */
export const AskAssistant = defineMessage(
  'AskAssistant',
  z.object({ question: z.string().min(1).max(4_000) }),
  {
    response: z.object({
      answer: z.string(),
      toolCalls: z.array(z.object({ name: z.string(), isError: z.boolean() })),
      modelCalls: z.number().int(),
      /** Messages the conversation holds after this answer. */
      contextMessages: z.number().int(),
    }),
  },
);

export const ASSISTANT_AGENT_TYPE = 'assistant';
