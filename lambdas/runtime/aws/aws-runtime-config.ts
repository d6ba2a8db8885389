import * as z from 'zod';
import { ENV } from '../../contracts/env-names.js';
import { sourceFor } from '../../contracts/sources.js';
import { assertAgentType } from '../identifiers.js';
import { AwsRuntimeConfigError } from './aws-runtime-error.js';
import { requiredEnv } from './required-env.js';

/** Thirty seconds: well inside a synchronous invoke's limits, long enough for a chain of a few sends. */
export const DEFAULT_SEND_TIMEOUT_MS = 30_000;

/** Where the AWS runtime publishes and whom it invokes. */
export interface AwsRuntimeConfig {
  readonly eventBusName: string;
  /** EventBridge `source` of every event this runtime publishes (`agentbridge.<agent type>`). */
  readonly source: string;
  /** Agent type → Lambda function name (or ARN) hosting it, for `send`. */
  readonly agentFunctions: ReadonlyMap<string, string>;
  readonly sendTimeoutMs: number;
}

const AgentFunctionsSchema = z.record(z.string(), z.string().min(1).max(170));

/**
 * Parses the agent-type → function-name map the infrastructure writes as JSON into
 * `AGENTBRIDGE_AGENT_FUNCTIONS`; agent types are checked with AutoGen's rule.
 */
export function parseAgentFunctions(json: string | undefined): Map<string, string> {
  if (json === undefined || json.trim() === '') return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new AwsRuntimeConfigError(ENV.agentFunctions, 'is not JSON', { cause: error });
  }
  const result = AgentFunctionsSchema.safeParse(parsed);
  if (!result.success) {
    throw new AwsRuntimeConfigError(
      ENV.agentFunctions,
      'must be a JSON object of agent type → function name',
      {
        cause: result.error,
      },
    );
  }
  const functions = new Map<string, string>();
  for (const [agentType, functionName] of Object.entries(result.data)) {
    try {
      assertAgentType(agentType);
    } catch (error) {
      throw new AwsRuntimeConfigError(ENV.agentFunctions, `names an invalid agent type "${agentType}"`, {
        cause: error,
      });
    }
    functions.set(agentType, functionName);
  }
  return functions;
}

/**
 * Reads the runtime's configuration from the environment the CDK stack (and the local cloud) sets. Runs once
 * at module scope, so a misconfigured function fails at cold start, not on its first message.
 *
 * @example
 * ```ts
 * const config = awsRuntimeConfigFromEnv(); // reads AGENTBRIDGE_EVENT_BUS_NAME, AGENTBRIDGE_AGENT_FUNCTIONS, …
 * const runtime = new AwsRuntime({ eventBridge, lambda, config, stateStore });
 * ```
 */
export function awsRuntimeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AwsRuntimeConfig {
  const agentType = env[ENV.agentType];
  const source = env[ENV.eventSource] || (agentType ? sourceFor(agentType) : undefined);
  if (source === undefined) {
    throw new AwsRuntimeConfigError(ENV.eventSource, `is not set (nor ${ENV.agentType} to derive it from)`);
  }
  const timeout = env[ENV.sendTimeoutMs];
  const sendTimeoutMs = timeout === undefined || timeout === '' ? DEFAULT_SEND_TIMEOUT_MS : Number(timeout);
  if (!Number.isInteger(sendTimeoutMs) || sendTimeoutMs <= 0) {
    throw new AwsRuntimeConfigError(
      ENV.sendTimeoutMs,
      `must be a positive integer of milliseconds, got "${timeout}"`,
    );
  }
  return {
    eventBusName: requiredEnv(env, ENV.eventBusName),
    source,
    agentFunctions: parseAgentFunctions(env[ENV.agentFunctions]),
    sendTimeoutMs,
  };
}
