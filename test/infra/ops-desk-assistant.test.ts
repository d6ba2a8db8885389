import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ASSISTANT_AREA, DEFAULT_ASSISTANT_MODEL_ID } from '../../examples/ops-desk/assistant/area.js';
import { RUNBOOKS_AREA } from '../../examples/ops-desk/runbooks/area.js';
import { OpsDeskStack } from '../../examples/ops-desk/stack.js';
import {
  actionsOf,
  environmentOf,
  resourcesOf,
  resourcesOfType,
  roleOfFunction,
  statementsOfRole,
} from './support/template-queries.js';

const ENV = { account: '111111111111', region: 'eu-west-1' };

function assistantOf(context: Record<string, unknown>) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stack = new OpsDeskStack(app, 'OpsDesk', { env: ENV, areas: [RUNBOOKS_AREA, ASSISTANT_AREA] });
  const template = Template.fromStack(stack);
  const [fn] = Object.values(resourcesOfType(template, 'AWS::Lambda::Function')).filter(
    (resource) => (resource.Properties as { FunctionName?: string }).FunctionName === 'opsdesk-assistant',
  );
  if (fn === undefined) throw new Error('no opsdesk-assistant function');
  const statements = statementsOfRole(template, roleOfFunction(fn));
  return { environment: environmentOf(fn), statements };
}

describe('the desk’s assistant, synthesized', { timeout: 90_000 }, () => {
  it('calls Bedrock by default: the model id in its environment, InvokeModel on that one foundation model only', () => {
    const { environment, statements } = assistantOf({});
    expect(environment).toMatchObject({
      OPSDESK_ASSISTANT_MODEL: 'bedrock',
      OPSDESK_ASSISTANT_MODEL_ID: DEFAULT_ASSISTANT_MODEL_ID,
    });
    const bedrock = statements.filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('bedrock:')),
    );
    expect(bedrock.map(actionsOf)).toEqual([['bedrock:InvokeModel']]);
    expect(JSON.stringify(bedrock.map(resourcesOf))).toContain(
      `:bedrock:eu-west-1::foundation-model/${DEFAULT_ASSISTANT_MODEL_ID}`,
    );
    expect(JSON.stringify(bedrock.map(resourcesOf))).not.toContain('*');
  });

  it('takes the model id from opsdesk:modelId', () => {
    const { environment, statements } = assistantOf({ 'opsdesk:modelId': 'amazon.nova-lite-v1:0' });
    expect(environment.OPSDESK_ASSISTANT_MODEL_ID).toBe('amazon.nova-lite-v1:0');
    expect(JSON.stringify(statements.map(resourcesOf))).toContain('foundation-model/amazon.nova-lite-v1:0');
  });

  it('with opsdesk:model=scripted plays the example’s script and may call no Bedrock model at all', () => {
    const { environment, statements } = assistantOf({ 'opsdesk:model': 'scripted' });
    expect(environment.OPSDESK_ASSISTANT_MODEL).toBe('scripted');
    expect(environment.OPSDESK_ASSISTANT_MODEL_ID).toBeUndefined();
    expect(statements.flatMap(actionsOf).filter((action) => action.startsWith('bedrock:'))).toEqual([]);
  });

  it('may invoke the runbook function and reach only its own partitions of the agent-state table', () => {
    const { statements } = assistantOf({ 'opsdesk:model': 'scripted' });
    expect(statements.flatMap(actionsOf)).toContain('lambda:InvokeFunction');
    expect(JSON.stringify(statements)).toContain('"dynamodb:LeadingKeys":["assistant","assistant.steps"]');
  });
});
