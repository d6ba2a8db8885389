import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/**
 * A model call did not produce a completion. `MODEL_CALL_FAILED`: the provider refused or failed (`provider`
 * names its exception: `ThrottlingException`, `ValidationException`, …; throttling and an unavailable model
 * are transient, so a Lambda retry tries again). `MODEL_SCRIPT_EXHAUSTED`: a scripted client was asked for a
 * turn its script does not have (never transient: the script is what it is).
 */
export class ModelCallError extends AgentbridgeError {
  override readonly name = 'ModelCallError';
  readonly provider: string;

  constructor(
    code: 'MODEL_CALL_FAILED' | 'MODEL_SCRIPT_EXHAUSTED',
    provider: string,
    message: string,
    options?: { cause?: unknown; transient?: boolean },
  ) {
    super(code, message, options);
    this.provider = provider;
  }
}

/**
 * The model still asked for tools after `maxToolIterations` rounds of tool calls: the turn ends without an
 * answer. Never transient (the same context leads the same way); `toolCalls` counts the calls that ran.
 */
export class ToolIterationsExhaustedError extends AgentbridgeError {
  override readonly name = 'ToolIterationsExhaustedError';
  readonly maxToolIterations: number;
  readonly toolCalls: number;

  constructor(maxToolIterations: number, toolCalls: number) {
    super(
      'TOOL_ITERATIONS_EXHAUSTED',
      `The model still asked for tools after ${maxToolIterations} rounds (${toolCalls} tool calls); no answer`,
    );
    this.maxToolIterations = maxToolIterations;
    this.toolCalls = toolCalls;
  }
}
