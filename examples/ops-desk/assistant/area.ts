import { fileURLToPath } from 'node:url';
import { Arn, ArnFormat, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { OpsDeskArea } from '../area.js';
import { FLEET_TABLE } from '../runbooks/fleet.js';
import { ASSISTANT_AGENT } from './agents.js';
import { ASSISTANT_MODEL_ENV, ASSISTANT_MODEL_ID_ENV } from './model-env.js';

/** The model the assistant calls on Bedrock when `opsdesk:modelId` does not name another. */
export const DEFAULT_ASSISTANT_MODEL_ID = 'anthropic.claude-3-5-haiku-20241022-v1:0';

/**
 * The assistant: the operator's agent, a model calling the fleet and the runbook agent as tools. With
 * `opsdesk:model=bedrock` (the default) its function calls Bedrock Converse and may invoke exactly the one
 * foundation model configured (`opsdesk:modelId`); with `opsdesk:model=scripted` it plays the example's script
 * and is granted no Bedrock access at all.
 */
export const ASSISTANT_AREA: OpsDeskArea = {
  name: 'assistant',
  tables: [FLEET_TABLE],
  deploy(bridge, settings) {
    const modelId = settings.modelId ?? DEFAULT_ASSISTANT_MODEL_ID;
    const deployed = bridge.addAgent(ASSISTANT_AGENT, {
      entry: fileURLToPath(new URL('./handlers/assistant.ts', import.meta.url)),
      functionProps: {
        environment: {
          [ASSISTANT_MODEL_ENV]: settings.model,
          ...(settings.model === 'bedrock' ? { [ASSISTANT_MODEL_ID_ENV]: modelId } : {}),
        },
      },
    });
    if (settings.model !== 'bedrock') return;
    const stack = Stack.of(bridge);
    deployed.agentFunction.role.addToPrincipalPolicy(
      new PolicyStatement({
        // Converse is authorised as InvokeModel on the model's ARN: one model, no wildcard.
        actions: ['bedrock:InvokeModel'],
        resources: [
          Arn.format(
            {
              service: 'bedrock',
              account: '',
              resource: 'foundation-model',
              resourceName: modelId,
              arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
            },
            stack,
          ),
        ],
      }),
    );
  },
};
