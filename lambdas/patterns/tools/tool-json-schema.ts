import * as z from 'zod';
import type { AnyTool } from './tool.js';

/** A tool as a model API lists it: name, description, and its input as a JSON Schema object. */
export interface ToolJsonSchema {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: Record<string, unknown>;
}

/**
 * The tool's spec for a model API (Bedrock Converse `toolSpec`, OpenAI `function`): the input schema as
 * JSON Schema (draft 2020-12, `io: 'input'`: what a caller may send, defaults optional). A schema JSON Schema
 * cannot express (a transform's output, a custom check) is described by what it accepts as input.
 *
 * @example
 * ```ts
 * const { name, description, inputSchema } = toolJsonSchema(restart);
 * const toolSpec = { name, description, inputSchema: { json: inputSchema } }; // Bedrock Converse
 * ```
 */
export function toolJsonSchema(tool: AnyTool): ToolJsonSchema {
  const inputSchema = z.toJSONSchema(tool.input, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return { name: tool.name, description: tool.description, inputSchema };
}
