import type { ToolJsonSchema } from '../tools/tool-json-schema.js';

/** Text the user or the model wrote. */
export interface TextBlock {
  readonly type: 'text';
  readonly text: string;
}

/** The model asks for a tool to be run with `input`; `toolUseId` pairs it with its result. */
export interface ToolUseBlock {
  readonly type: 'toolUse';
  readonly toolUseId: string;
  readonly name: string;
  readonly input: unknown;
}

/** What a tool call gave back (its output, or the error's text when `isError`), fed back to the model. */
export interface ToolResultBlock {
  readonly type: 'toolResult';
  readonly toolUseId: string;
  readonly content: unknown;
  readonly isError: boolean;
}

export type ContentBlock = TextBlock | ToolUseBlock | ToolResultBlock;

/**
 * One message of a model context: the user's (their text, or the results of the tools the model asked for)
 * or the assistant's (its text and tool calls). JSON-serialisable, so a context persists in an agent's state.
 */
export interface ConversationMessage {
  readonly role: 'user' | 'assistant';
  readonly content: readonly ContentBlock[];
}

/**
 * Why the model stopped: `end_turn` (a final answer), `tool_use` (it asks for tools), `max_tokens`,
 * `stop_sequence`, or a provider's own reason (`guardrail_intervened`, `content_filtered`, …) kept as given.
 */
export type StopReason = 'end_turn' | 'tool_use' | 'max_tokens' | 'stop_sequence' | (string & {});

/** What the loop asks a model: the whole context, the tools it may call, and how to cancel. */
export interface ModelRequest {
  readonly system?: string;
  readonly messages: readonly ConversationMessage[];
  readonly tools: readonly ToolJsonSchema[];
  readonly signal?: AbortSignal;
}

/** The model's answer: one assistant message and why it stopped. */
export interface ModelCompletion {
  readonly message: ConversationMessage;
  readonly stopReason: StopReason;
  readonly usage?: { readonly inputTokens: number; readonly outputTokens: number };
}

/**
 * A chat model that can call tools: the assistant loop's one port to a model. `BedrockConverseModelClient`
 * calls Amazon Bedrock; `ScriptedModelClient` plays an explicit script of turns, for tests and demos. A
 * failure a retry can fix (throttling, an unavailable model) is an `AgentbridgeError` with `transient: true`.
 *
 * @example
 * ```ts
 * const completion = await model.complete({ messages: [userText('Is checkout healthy?')], tools: [] });
 * ```
 */
export interface ModelClient {
  complete(request: ModelRequest): Promise<ModelCompletion>;
}

/** A user message holding `text`. */
export const userText = (text: string): ConversationMessage => ({
  role: 'user',
  content: [{ type: 'text', text }],
});

/** The tool calls a message holds, in order. */
export const toolUsesOf = (message: ConversationMessage): ToolUseBlock[] =>
  message.content.filter((block): block is ToolUseBlock => block.type === 'toolUse');

/** The text blocks of a message, joined by blank lines. */
export const textOf = (message: ConversationMessage): string =>
  message.content
    .filter((block): block is TextBlock => block.type === 'text')
    .map((block) => block.text)
    .join('\n\n');

/**
 * The context without its oldest questions, so it holds at most `maxMessages` messages (an agent's state item
 * is bounded): it is cut only before a user's text, never between a tool call and its result. The latest
 * question is kept whole even when it alone is longer.
 *
 * @example
 * ```ts
 * ctx.state.context = recentContext(ctx.state.context, 40);
 * ```
 */
export function recentContext(
  context: readonly ConversationMessage[],
  maxMessages: number,
): ConversationMessage[] {
  let start = 0;
  while (context.length - start > maxMessages) {
    const next = context.findIndex(
      (message, index) =>
        index > start && message.role === 'user' && message.content.some((block) => block.type === 'text'),
    );
    if (next < 0) break;
    start = next;
  }
  return context.slice(start);
}
