import { isAgentbridgeError, messageOf } from '../../contracts/agentbridge-error.js';
import { type AnyTool, invokeTool } from '../tools/tool.js';
import { toolJsonSchema } from '../tools/tool-json-schema.js';
import { ToolIterationsExhaustedError } from './assistant-error.js';
import {
  type ConversationMessage,
  type ModelClient,
  type ModelCompletion,
  type StopReason,
  type ToolUseBlock,
  textOf,
  toolUsesOf,
} from './model-client.js';
import { type StepJournal, UNRECORDED } from './step-journal.js';

/** One tool call of a turn as it ran: the model's request and what came back (an error flagged, not thrown). */
export interface ToolCallRecord {
  readonly toolUseId: string;
  readonly name: string;
  readonly input: unknown;
  readonly isError: boolean;
  /** The tool's output, or `{ code, message }` of the error when `isError`. */
  readonly content: unknown;
}

/** How a turn ended: the model's final text (or the tool results, without reflection) and every tool call. */
export interface AssistantTurn {
  readonly text: string;
  readonly stopReason: StopReason | 'tool_results';
  readonly toolCalls: readonly ToolCallRecord[];
  /** Model calls the turn made (replayed ones included). */
  readonly modelCalls: number;
}

export interface AssistantLoopOptions {
  readonly model: ModelClient;
  readonly tools: readonly AnyTool[];
  readonly system?: string;
  /** Rounds of tool calls before the turn fails with {@link ToolIterationsExhaustedError} (default 5). */
  readonly maxToolIterations?: number;
  /**
   * After a round of tool calls, call the model again on their results (default true) until it answers in
   * text; false ends the turn with the tool results as its text, one line per call.
   */
  readonly reflectOnToolUse?: boolean;
  /** Records each model and tool call once, for a retried delivery to replay (default: nothing recorded). */
  readonly journal?: StepJournal;
  readonly signal?: AbortSignal;
}

export const DEFAULT_MAX_TOOL_ITERATIONS = 5;

/**
 * One turn of an assistant agent: appends `input` to the model context (mutated in place, so the caller
 * persists it), calls the model with the tools' specs, runs the tool calls of a completion concurrently
 * (each result recorded, a failure flagged `isError` with its code and message and fed back, never thrown),
 * and calls the model again on the results, until it answers in text. After `maxToolIterations` rounds of
 * tools, a completion that still asks for tools fails the turn with {@link ToolIterationsExhaustedError}.
 * With a journal, a step already recorded (a redelivery after a crash) is replayed, not run again.
 *
 * @example
 * ```ts
 * const context: ConversationMessage[] = [];
 * const turn = await runAssistantTurn(context, 'Is checkout healthy?', { model, tools: [serviceHealth] });
 * console.log(turn.text);
 * ```
 */
export async function runAssistantTurn(
  context: ConversationMessage[],
  input: string | readonly ConversationMessage[],
  options: AssistantLoopOptions,
): Promise<AssistantTurn> {
  const { model, tools, system, signal } = options;
  const journal = options.journal ?? UNRECORDED;
  const maxToolIterations = options.maxToolIterations ?? DEFAULT_MAX_TOOL_ITERATIONS;
  const specs = tools.map(toolJsonSchema);
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  context.push(...(typeof input === 'string' ? [userMessage(input)] : input));
  const toolCalls: ToolCallRecord[] = [];
  for (let iteration = 0; ; iteration++) {
    const completion = await journal.once<ModelCompletion>(`model:${iteration}`, () =>
      model.complete({
        ...(system === undefined ? {} : { system }),
        messages: [...context],
        tools: specs,
        ...(signal === undefined ? {} : { signal }),
      }),
    );
    const uses = toolUsesOf(completion.message);
    if (uses.length === 0) {
      context.push(completion.message);
      return {
        text: textOf(completion.message),
        stopReason: completion.stopReason,
        toolCalls,
        modelCalls: iteration + 1,
      };
    }
    if (iteration >= maxToolIterations)
      throw new ToolIterationsExhaustedError(maxToolIterations, toolCalls.length);
    context.push(completion.message);
    const round = await Promise.all(
      uses.map((use) =>
        journal.once<ToolCallRecord>(`tool:${iteration}:${use.toolUseId}`, () =>
          callTool(byName.get(use.name), use, signal),
        ),
      ),
    );
    toolCalls.push(...round);
    context.push({
      role: 'user',
      content: round.map(({ toolUseId, content, isError }) => ({
        type: 'toolResult',
        toolUseId,
        content,
        isError,
      })),
    });
    if (options.reflectOnToolUse === false) {
      return {
        text: round.map((call) => `${call.name}: ${JSON.stringify(call.content)}`).join('\n'),
        stopReason: 'tool_results',
        toolCalls,
        modelCalls: iteration + 1,
      };
    }
  }
}

const userMessage = (text: string): ConversationMessage => ({
  role: 'user',
  content: [{ type: 'text', text }],
});

async function callTool(
  tool: AnyTool | undefined,
  use: ToolUseBlock,
  signal: AbortSignal | undefined,
): Promise<ToolCallRecord> {
  const call = { toolUseId: use.toolUseId, name: use.name, input: use.input };
  if (tool === undefined) {
    return {
      ...call,
      isError: true,
      content: { code: 'UNKNOWN_TOOL', message: `No tool named ${use.name}` },
    };
  }
  try {
    const output = await invokeTool(tool, use.input, signal === undefined ? {} : { signal });
    return { ...call, isError: false, content: output ?? null };
  } catch (error) {
    const code = isAgentbridgeError(error) ? error.code : 'TOOL_FAILED';
    return {
      ...call,
      isError: true,
      content: { code, message: messageOf(error) },
    };
  }
}
