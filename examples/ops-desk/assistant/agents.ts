import { declareAgent, defineAgent } from 'agentbridge';
import {
  AgentStateStepJournal,
  type ConversationMessage,
  type ModelClient,
  recentContext,
  runAssistantTurn,
  stepJournalType,
} from 'agentbridge/patterns';
import {
  AGENT_STATE_TABLE,
  type AgentStateStore,
  IDEMPOTENCY_TABLE,
  TABLE_ACTIONS,
} from 'agentbridge/stores';
import { FLEET_TABLE, type Fleet } from '../runbooks/fleet.js';
import { RUNBOOK_AGENT_TYPE } from '../runbooks/messages.js';
import { ASSISTANT_AGENT_TYPE, AskAssistant } from './messages.js';
import { assistantTools } from './tools.js';

/** What the assistant is built from. */
export interface AssistantAgentDeps {
  readonly model: ModelClient;
  readonly fleet: Fleet;
  /** Where each model and tool call of a question is recorded once (the agent-state store). */
  readonly steps: AgentStateStore;
  readonly maxToolIterations?: number;
}

/** The most messages a conversation keeps: the oldest questions go first. */
export const CONVERSATION_MESSAGES_KEPT = 40;

const SYSTEM = [
  'You are the assistant of an operations desk. Answer operators briefly.',
  'Use service_status to look a service up and run_runbook to act on it; never guess a status.',
].join(' ');

interface AssistantState {
  context: ConversationMessage[];
}

/**
 * The operator's assistant: answers `AskAssistant` with a model that may look services up and run runbooks
 * (the runbook agent, asked as a tool). The conversation is the agent's state, so a follow-up question is
 * asked with what came before; every model and tool call is recorded in a step journal next to it, so a
 * retried delivery does not call the model or run a runbook again.
 */
export const ASSISTANT_AGENT = declareAgent({
  agentType: ASSISTANT_AGENT_TYPE,
  skipDirectMessageSubscription: true,
  tables: [
    { table: IDEMPOTENCY_TABLE, actions: TABLE_ACTIONS.idempotency },
    {
      table: AGENT_STATE_TABLE,
      actions: TABLE_ACTIONS.agentState,
      leadingKeys: [ASSISTANT_AGENT_TYPE, stepJournalType(ASSISTANT_AGENT_TYPE)],
    },
    { table: FLEET_TABLE, actions: ['dynamodb:GetItem'] },
  ],
  sendsTo: [RUNBOOK_AGENT_TYPE],
  define: (deps: AssistantAgentDeps) =>
    defineAgent({
      description: 'Answers operators, looking services up and running runbooks as tools',
      state: (): AssistantState => ({ context: [] }),
      handlers: (on) => [
        on.rpc(AskAssistant, async ({ question }, ctx) => {
          const turn = await runAssistantTurn(ctx.state.context, question, {
            model: deps.model,
            tools: assistantTools(deps.fleet, ctx),
            system: SYSTEM,
            maxToolIterations: deps.maxToolIterations ?? 4,
            journal: new AgentStateStepJournal({
              store: deps.steps,
              agentId: ctx.recipient,
              turnId: ctx.messageId,
            }),
            signal: ctx.signal,
          });
          ctx.state.context = recentContext(ctx.state.context, CONVERSATION_MESSAGES_KEPT);
          return {
            answer: turn.text,
            toolCalls: turn.toolCalls.map(({ name, isError }) => ({ name, isError })),
            modelCalls: turn.modelCalls,
            contextMessages: ctx.state.context.length,
          };
        }),
      ],
    }),
});
