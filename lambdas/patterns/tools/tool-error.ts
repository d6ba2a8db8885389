import type * as z from 'zod';
import { AgentbridgeError, isAgentbridgeError } from '../../contracts/agentbridge-error.js';
import { summarizeIssues } from '../../contracts/message-validation-error.js';

/** A tool defined wrongly (a name a model API refuses, a missing schema or run): raised at definition time. */
export class InvalidToolError extends AgentbridgeError {
  override readonly name = 'InvalidToolError';
  readonly tool: string;

  constructor(tool: string, problem: string) {
    super('INVALID_TOOL', `Tool ${JSON.stringify(tool)}: ${problem}`);
    this.tool = tool;
  }
}

/**
 * A value crossing a tool's boundary does not match its schema: the input a caller (or a model) gave
 * (`side: 'input'`, code `TOOL_INPUT_INVALID`), or what the tool returned (`side: 'output'`, code
 * `TOOL_OUTPUT_INVALID`). Never transient: the same value fails the same way. `issues` are zod's findings.
 */
export class ToolSchemaError extends AgentbridgeError {
  override readonly name = 'ToolSchemaError';
  readonly tool: string;
  readonly side: 'input' | 'output';
  readonly issues: readonly z.core.$ZodIssue[];

  constructor(tool: string, side: 'input' | 'output', error: z.ZodError) {
    super(
      side === 'input' ? 'TOOL_INPUT_INVALID' : 'TOOL_OUTPUT_INVALID',
      `Tool ${tool} ${side === 'input' ? 'was given' : 'returned'} an invalid ${side}: ${summarizeIssues(error)}`,
      { cause: error },
    );
    this.tool = tool;
    this.side = side;
    this.issues = error.issues;
  }
}

/**
 * A tool's `run` threw. The thrown error is the `cause`; `transient` is the cause's own flag (an
 * agentbridge error that says a retry can help), so a retrying caller asks this error alone.
 */
export class ToolRunError extends AgentbridgeError {
  override readonly name = 'ToolRunError';
  readonly tool: string;
  /** The `name` of the error the tool threw (`StoreUnavailableError`, `TypeError`, …). */
  readonly errorType: string;

  constructor(tool: string, cause: unknown) {
    const inner = cause instanceof Error ? cause : new Error(String(cause));
    super('TOOL_RUN_FAILED', `Tool ${tool} failed: ${inner.name}: ${inner.message}`, {
      cause,
      transient: isAgentbridgeError(cause) && cause.transient,
    });
    this.tool = tool;
    this.errorType = inner.name;
  }
}

/** Every error `invokeTool` raises about a call (not about a definition). */
export type ToolCallError = ToolSchemaError | ToolRunError;
