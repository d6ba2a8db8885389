import {
  type ContentBlock as BedrockContentBlock,
  type Message as BedrockMessage,
  type BedrockRuntimeClient,
  type ToolUseBlock as BedrockToolUse,
  ConverseCommand,
  type ConverseCommandOutput,
  type ToolResultContentBlock,
} from '@aws-sdk/client-bedrock-runtime';
import { messageOf } from '../../contracts/agentbridge-error.js';
import { ModelCallError } from './assistant-error.js';
import type {
  ContentBlock,
  ConversationMessage,
  ModelClient,
  ModelCompletion,
  ModelRequest,
} from './model-client.js';

/** A JSON document as the SDK types it (tool inputs, tool result `json`, input schemas). */
type DocumentType = NonNullable<BedrockToolUse['input']>;

/** Bedrock exceptions a later attempt can get past: throttling, a model still loading, a service hiccup. */
const TRANSIENT_EXCEPTIONS = new Set([
  'ThrottlingException',
  'ServiceUnavailableException',
  'ModelNotReadyException',
  'ModelTimeoutException',
  'InternalServerException',
]);

export interface BedrockConverseModelClientOptions {
  readonly client: BedrockRuntimeClient;
  /** A model id or inference profile id (`anthropic.claude-3-5-haiku-20241022-v1:0`, `eu.amazon.nova-lite-v1:0`). */
  readonly modelId: string;
  readonly maxTokens?: number;
  readonly temperature?: number;
}

/**
 * The model port on Amazon Bedrock's Converse API: the context as Converse messages (`toolUse` and
 * `toolResult` blocks, an error result with `status: 'error'`), the tools as `toolSpec`s with their zod input
 * schemas as JSON Schema, Bedrock's stop reason kept. Throttling and an unavailable model become a transient
 * {@link ModelCallError}; any other refusal a permanent one naming Bedrock's exception.
 *
 * @example
 * ```ts
 * const model = new BedrockConverseModelClient({
 *   client: new BedrockRuntimeClient({}),
 *   modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
 * });
 * ```
 */
export class BedrockConverseModelClient implements ModelClient {
  readonly #options: BedrockConverseModelClientOptions;

  constructor(options: BedrockConverseModelClientOptions) {
    this.#options = options;
  }

  async complete(request: ModelRequest): Promise<ModelCompletion> {
    const { client, modelId, maxTokens, temperature } = this.#options;
    const command = new ConverseCommand({
      modelId,
      messages: request.messages.map(toBedrockMessage),
      ...(request.system === undefined ? {} : { system: [{ text: request.system }] }),
      ...(request.tools.length === 0
        ? {}
        : {
            toolConfig: {
              tools: request.tools.map(({ name, description, inputSchema }) => ({
                toolSpec: { name, description, inputSchema: { json: inputSchema as DocumentType } },
              })),
            },
          }),
      ...(maxTokens === undefined && temperature === undefined
        ? {}
        : { inferenceConfig: { maxTokens, temperature } }),
    });
    let response: ConverseCommandOutput;
    try {
      response = await client.send(command, { abortSignal: request.signal });
    } catch (error) {
      const provider = error instanceof Error ? error.name : 'UnknownError';
      throw new ModelCallError(
        'MODEL_CALL_FAILED',
        provider,
        `Bedrock Converse (${modelId}) failed: ${provider}: ${messageOf(error)}`,
        { cause: error, transient: TRANSIENT_EXCEPTIONS.has(provider) },
      );
    }
    const message = response.output?.message;
    if (message === undefined) {
      throw new ModelCallError(
        'MODEL_CALL_FAILED',
        'Bedrock',
        `Bedrock Converse (${modelId}) gave no message`,
      );
    }
    const usage = response.usage;
    return {
      message: fromBedrockMessage(message),
      stopReason: response.stopReason ?? 'end_turn',
      ...(usage?.inputTokens === undefined || usage.outputTokens === undefined
        ? {}
        : { usage: { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens } }),
    };
  }
}

function toBedrockMessage(message: ConversationMessage): BedrockMessage {
  return { role: message.role, content: message.content.map(toBedrockBlock) };
}

function toBedrockBlock(block: ContentBlock): BedrockContentBlock {
  if (block.type === 'text') return { text: block.text };
  if (block.type === 'toolUse') {
    return {
      toolUse: { toolUseId: block.toolUseId, name: block.name, input: block.input as DocumentType },
    };
  }
  return {
    toolResult: {
      toolUseId: block.toolUseId,
      content: [resultContent(block.content)],
      status: block.isError ? 'error' : 'success',
    },
  };
}

/** Converse takes an object as `json`; anything else (a string, a list, a number) is sent as text. */
function resultContent(content: unknown): ToolResultContentBlock {
  if (typeof content === 'object' && content !== null && !Array.isArray(content)) {
    return { json: content as DocumentType };
  }
  return { text: typeof content === 'string' ? content : JSON.stringify(content) };
}

function fromBedrockMessage(message: BedrockMessage): ConversationMessage {
  const content: ContentBlock[] = [];
  for (const block of message.content ?? []) {
    if (block.text !== undefined) content.push({ type: 'text', text: block.text });
    else if (block.toolUse !== undefined) {
      content.push({
        type: 'toolUse',
        toolUseId: block.toolUse.toolUseId ?? '',
        name: block.toolUse.name ?? '',
        input: block.toolUse.input ?? {},
      });
    }
    // Reasoning, citations and other blocks are the provider's own; the loop reads text and tool calls.
  }
  return { role: message.role === 'user' ? 'user' : 'assistant', content };
}
