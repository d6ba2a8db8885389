import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { BedrockConverseModelClient } from '../../../../lambdas/patterns/assistant/bedrock-converse-model-client.js';
import { defineTool } from '../../../../lambdas/patterns/tools/tool.js';
import { toolJsonSchema } from '../../../../lambdas/patterns/tools/tool-json-schema.js';

const client = new BedrockRuntimeClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
});
const bedrock = mockClient(client);
const model = new BedrockConverseModelClient({
  client,
  modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
  maxTokens: 512,
});

const restart = defineTool({
  name: 'restart_service',
  description: 'Restarts a service',
  input: z.object({ service: z.string() }),
  output: z.object({ pid: z.number() }),
  run: () => ({ pid: 1 }),
});

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('the Bedrock Converse model client', () => {
  beforeEach(() => bedrock.reset());

  it('sends the context as Converse messages with toolUse and toolResult blocks and the tools as toolSpecs', async () => {
    bedrock.on(ConverseCommand).resolves({
      output: { message: { role: 'assistant', content: [{ text: 'Restarted.' }] } },
      stopReason: 'end_turn',
      usage: { inputTokens: 120, outputTokens: 4, totalTokens: 124 },
      metrics: { latencyMs: 1 },
    });
    await model.complete({
      system: 'You help operators.',
      tools: [toolJsonSchema(restart)],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Restart checkout' }] },
        {
          role: 'assistant',
          content: [
            { type: 'toolUse', toolUseId: 't-1', name: 'restart_service', input: { service: 'checkout' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'toolResult', toolUseId: 't-1', content: { pid: 7 }, isError: false },
            {
              type: 'toolResult',
              toolUseId: 't-2',
              content: { code: 'UNKNOWN_TOOL', message: 'no' },
              isError: true,
            },
            { type: 'toolResult', toolUseId: 't-3', content: 'plain words', isError: false },
          ],
        },
      ],
    });
    const input = bedrock.commandCalls(ConverseCommand)[0]?.args[0].input;
    expect(input).toEqual({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      system: [{ text: 'You help operators.' }],
      inferenceConfig: { maxTokens: 512, temperature: undefined },
      toolConfig: {
        tools: [
          {
            toolSpec: {
              name: 'restart_service',
              description: 'Restarts a service',
              inputSchema: {
                json: expect.objectContaining({
                  type: 'object',
                  properties: { service: { type: 'string' } },
                }),
              },
            },
          },
        ],
      },
      messages: [
        { role: 'user', content: [{ text: 'Restart checkout' }] },
        {
          role: 'assistant',
          content: [
            { toolUse: { toolUseId: 't-1', name: 'restart_service', input: { service: 'checkout' } } },
          ],
        },
        {
          role: 'user',
          content: [
            { toolResult: { toolUseId: 't-1', content: [{ json: { pid: 7 } }], status: 'success' } },
            {
              toolResult: {
                toolUseId: 't-2',
                content: [{ json: { code: 'UNKNOWN_TOOL', message: 'no' } }],
                status: 'error',
              },
            },
            { toolResult: { toolUseId: 't-3', content: [{ text: 'plain words' }], status: 'success' } },
          ],
        },
      ],
    });
  });

  it('reads the completion’s text, tool calls, stop reason and usage', async () => {
    bedrock.on(ConverseCommand).resolves({
      output: {
        message: {
          role: 'assistant',
          content: [
            { text: 'Let me restart it.' },
            { toolUse: { toolUseId: 'tu-9', name: 'restart_service', input: { service: 'checkout' } } },
          ],
        },
      },
      stopReason: 'tool_use',
      usage: { inputTokens: 50, outputTokens: 20, totalTokens: 70 },
      metrics: { latencyMs: 1 },
    });
    const completion = await model.complete({ messages: [], tools: [] });
    expect(completion).toEqual({
      message: {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Let me restart it.' },
          { type: 'toolUse', toolUseId: 'tu-9', name: 'restart_service', input: { service: 'checkout' } },
        ],
      },
      stopReason: 'tool_use',
      usage: { inputTokens: 50, outputTokens: 20 },
    });
    expect(bedrock.commandCalls(ConverseCommand)[0]?.args[0].input.toolConfig).toBeUndefined();
  });

  it.each([
    ['ThrottlingException', true],
    ['ServiceUnavailableException', true],
    ['ModelNotReadyException', true],
    ['ValidationException', false],
    ['AccessDeniedException', false],
  ])('turns %s into MODEL_CALL_FAILED, transient: %s', async (exception, transient) => {
    bedrock.on(ConverseCommand).rejects(named(exception, 'refused'));
    await expect(model.complete({ messages: [], tools: [] })).rejects.toMatchObject({
      name: 'ModelCallError',
      code: 'MODEL_CALL_FAILED',
      provider: exception,
      transient,
      message: expect.stringContaining(exception),
    });
  });
});
