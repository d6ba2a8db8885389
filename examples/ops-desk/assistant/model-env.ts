import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { BedrockConverseModelClient, type ModelClient, ScriptedModelClient } from 'agentbridge/patterns';
import { ASSISTANT_SCRIPT } from './script.js';

/** Which model client the function builds: `bedrock` or `scripted` (the example's script: nothing leaves). */
export const ASSISTANT_MODEL_ENV = 'OPSDESK_ASSISTANT_MODEL';
/** The Bedrock model id the function calls (with `bedrock`). */
export const ASSISTANT_MODEL_ID_ENV = 'OPSDESK_ASSISTANT_MODEL_ID';

/**
 * The assistant's model as its function's environment configures it (set by the area from the CDK context
 * `opsdesk:model` and `opsdesk:modelId`); anything else is refused at cold start.
 */
export function modelFromEnv(env: NodeJS.ProcessEnv = process.env): ModelClient {
  const kind = env[ASSISTANT_MODEL_ENV];
  if (kind === 'scripted') return new ScriptedModelClient(ASSISTANT_SCRIPT);
  const modelId = env[ASSISTANT_MODEL_ID_ENV];
  if (kind !== 'bedrock' || modelId === undefined || modelId === '') {
    throw new Error(
      `${ASSISTANT_MODEL_ENV} is bedrock (with ${ASSISTANT_MODEL_ID_ENV}) or scripted, not ${String(kind)}`,
    );
  }
  return new BedrockConverseModelClient({ client: new BedrockRuntimeClient({}), modelId, maxTokens: 1024 });
}
