import { ModelCallError } from './assistant-error.js';
import type {
  ContentBlock,
  ConversationMessage,
  ModelClient,
  ModelCompletion,
  ModelRequest,
} from './model-client.js';

/** One scripted turn: a final text, or tool calls (with an optional text before them). */
export type ScriptedReply =
  | { readonly text: string; readonly toolCalls?: undefined }
  | {
      readonly text?: string;
      readonly toolCalls: readonly { readonly name: string; readonly input: unknown }[];
    };

/** A turn of the script: a reply as written, or one composed from the request (the question, tool results). */
export type ScriptedTurn = ScriptedReply | ((request: ModelRequest) => ScriptedReply);

/**
 * The model port played from an explicit script of turns, for tests, demos and the local cloud: no call leaves
 * the process. Each question starts the script over: the turn played is the number of assistant messages
 * since the user's last text (0 for the first call of a question, 1 after the first round of tool results, …),
 * so the client keeps no state of its own and a context restored from storage continues where it stood. A
 * call past the script's end throws {@link ModelCallError} `MODEL_SCRIPT_EXHAUSTED`. Tool call ids are derived
 * from the turn (`scripted-<turn>-<n>`), so a replayed context reads the same.
 *
 * @example
 * ```ts
 * const model = new ScriptedModelClient([
 *   { toolCalls: [{ name: 'service_health', input: { service: 'checkout' } }] },
 *   (request) => ({ text: `checkout: ${JSON.stringify(lastToolResults(request)[0])}` }),
 * ]);
 * ```
 */
export class ScriptedModelClient implements ModelClient {
  readonly #script: readonly ScriptedTurn[];
  /** How many completions the script has given: what a test reads to see the model was not called again. */
  calls = 0;

  constructor(script: readonly ScriptedTurn[]) {
    this.#script = [...script];
  }

  async complete(request: ModelRequest): Promise<ModelCompletion> {
    const turn = turnOf(request.messages);
    const scripted = this.#script[turn];
    if (scripted === undefined) {
      throw new ModelCallError(
        'MODEL_SCRIPT_EXHAUSTED',
        'script',
        `The script has ${this.#script.length} turns; turn ${turn + 1} of this question was asked for`,
      );
    }
    this.calls++;
    const reply = typeof scripted === 'function' ? scripted(request) : scripted;
    const content: ContentBlock[] = [];
    if (reply.text !== undefined) content.push({ type: 'text', text: reply.text });
    (reply.toolCalls ?? []).forEach(({ name, input }, index) => {
      content.push({ type: 'toolUse', toolUseId: `scripted-${turn}-${index}`, name, input });
    });
    return {
      message: { role: 'assistant', content },
      stopReason: reply.toolCalls === undefined ? 'end_turn' : 'tool_use',
    };
  }
}

function turnOf(messages: readonly ConversationMessage[]): number {
  let turn = 0;
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index];
    if (message === undefined) break;
    if (message.role === 'assistant') turn++;
    else if (message.content.some((block) => block.type === 'text')) break;
  }
  return turn;
}

/** The user's last text in a request: the question a scripted turn answers. */
export function lastUserText(request: ModelRequest): string {
  for (let index = request.messages.length - 1; index >= 0; index--) {
    const text = request.messages[index]?.content.find((block) => block.type === 'text');
    if (request.messages[index]?.role === 'user' && text?.type === 'text') return text.text;
  }
  return '';
}

/** The tool results the request ends with (the last round's), in call order. */
export function lastToolResults(request: ModelRequest): { content: unknown; isError: boolean }[] {
  const last = request.messages.at(-1);
  if (last?.role !== 'user') return [];
  return last.content.flatMap((block) =>
    block.type === 'toolResult' ? [{ content: block.content, isError: block.isError }] : [],
  );
}
