import * as z from 'zod';
import { InvalidToolError, ToolRunError, ToolSchemaError } from './tool-error.js';

/** What a tool's `run` receives besides its input. */
export interface ToolContext {
  /** Aborted when the caller gives up (a deadline, a Lambda about to time out); long tools should listen. */
  readonly signal?: AbortSignal;
}

/**
 * A typed function an agent (a tool chain, an assistant's model) can call: a name and a description a model
 * reads, zod schemas for what goes in and what comes out, and `run`. `In` is what the input schema parses to,
 * `Out` what `run` returns (and the output schema parses). Call a tool through {@link invokeTool}, which checks
 * both sides; the JSON Schema a model API wants is `toolJsonSchema`.
 *
 * `run` is declared as a method, so tools of different types share one list typed `Tool` (`AnyTool`).
 */
export interface Tool<In = unknown, Out = unknown> {
  /** 1–64 letters, digits, `_` or `-`: what model APIs (Bedrock Converse, OpenAI) accept as a tool name. */
  readonly name: string;
  /** What the tool does and when to use it, for a model choosing among tools. */
  readonly description: string;
  readonly input: z.ZodType<In>;
  readonly output: z.ZodType<Out>;
  run(input: In, context: ToolContext): Out | Promise<Out>;
}

/** A tool of any input and output, for lists and registries. */
export type AnyTool = Tool<unknown, unknown>;

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Checks a tool and returns it frozen: the name fits model APIs, the description is not empty, both
 * schemas are zod schemas and `run` is a function. Throws {@link InvalidToolError} at module load otherwise.
 *
 * @example
 * ```ts
 * const restart = defineTool({
 *   name: 'restart_service',
 *   description: 'Restarts a service and reports its new process id',
 *   input: z.object({ service: z.string() }),
 *   output: z.object({ pid: z.number().int() }),
 *   run: async ({ service }) => ({ pid: await supervisor.restart(service) }),
 * });
 * ```
 */
export function defineTool<In, Out>(tool: Tool<In, Out>): Tool<In, Out> {
  const name = typeof tool.name === 'string' ? tool.name : String(tool.name);
  if (!TOOL_NAME.test(name)) throw new InvalidToolError(name, 'the name needs 1-64 of [a-zA-Z0-9_-]');
  if (typeof tool.description !== 'string' || tool.description.trim() === '') {
    throw new InvalidToolError(name, 'the description is empty');
  }
  if (!(tool.input instanceof z.ZodType)) throw new InvalidToolError(name, 'input is not a zod schema');
  if (!(tool.output instanceof z.ZodType)) throw new InvalidToolError(name, 'output is not a zod schema');
  if (typeof tool.run !== 'function') throw new InvalidToolError(name, 'run is not a function');
  return Object.freeze({ ...tool });
}

/**
 * Runs a tool on an unchecked input: parses it with the input schema ({@link ToolSchemaError} `input`),
 * runs the tool (a throw becomes a {@link ToolRunError} carrying the cause and its transient flag), then
 * parses what it returned ({@link ToolSchemaError} `output`). Resolves to the parsed output.
 *
 * @example
 * ```ts
 * const { pid } = await invokeTool(restart, { service: 'checkout' });
 * ```
 */
export async function invokeTool<In, Out>(
  tool: Tool<In, Out>,
  input: unknown,
  context: ToolContext = {},
): Promise<Out> {
  const parsedInput = tool.input.safeParse(input);
  if (!parsedInput.success) throw new ToolSchemaError(tool.name, 'input', parsedInput.error);
  let result: Out;
  try {
    result = await tool.run(parsedInput.data, context);
  } catch (error) {
    throw new ToolRunError(tool.name, error);
  }
  const parsedOutput = tool.output.safeParse(result);
  if (!parsedOutput.success) throw new ToolSchemaError(tool.name, 'output', parsedOutput.error);
  return parsedOutput.data;
}
