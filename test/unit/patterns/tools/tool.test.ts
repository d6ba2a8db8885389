import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { AgentbridgeError } from '../../../../lambdas/contracts/agentbridge-error.js';
import { type AnyTool, defineTool, invokeTool } from '../../../../lambdas/patterns/tools/tool.js';
import { toolJsonSchema } from '../../../../lambdas/patterns/tools/tool-json-schema.js';
import { StoreUnavailableError } from '../../../../lambdas/stores/store-errors.js';

const restart = defineTool({
  name: 'restart_service',
  description: 'Restarts a service and reports its new process id',
  input: z.object({ service: z.string().min(1), graceSeconds: z.number().int().default(30) }),
  output: z.object({ service: z.string(), pid: z.number().int() }),
  run: ({ service, graceSeconds }) => ({ service, pid: 1000 + graceSeconds }),
});

describe('defineTool', () => {
  it.each([
    ['a name with a space', { name: 'restart service' }, /name/],
    ['a name over 64 characters', { name: 'x'.repeat(65) }, /name/],
    ['an empty description', { description: '  ' }, /description/],
    ['an input that is not a zod schema', { input: { type: 'object' } }, /input/],
    ['a missing run', { run: undefined }, /run/],
  ])('refuses %s with INVALID_TOOL', (_case, override, message) => {
    const broken = { ...restart, ...override } as unknown as Parameters<typeof defineTool>[0];
    expect(() => defineTool(broken)).toThrow(message);
    expect(() => defineTool(broken)).toThrow(expect.objectContaining({ code: 'INVALID_TOOL' }));
  });

  it('returns the tool frozen', () => {
    expect(Object.isFrozen(restart)).toBe(true);
  });
});

describe('invokeTool', () => {
  it('parses the input (defaults applied), runs the tool and returns its parsed output', async () => {
    expect(await invokeTool(restart, { service: 'checkout' })).toEqual({ service: 'checkout', pid: 1030 });
  });

  it('refuses an input the schema rejects before running the tool, naming the tool and the field', async () => {
    let ran = false;
    const guarded = defineTool({
      ...restart,
      run: () => {
        ran = true;
        return { service: 'x', pid: 1 };
      },
    });
    const error = await invokeTool(guarded, { service: '' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'ToolSchemaError',
      code: 'TOOL_INPUT_INVALID',
      tool: 'restart_service',
      side: 'input',
      transient: false,
    });
    expect((error as Error).message).toMatch(/service/);
    expect(ran).toBe(false);
  });

  it('refuses an output the schema rejects as TOOL_OUTPUT_INVALID', async () => {
    const liar = defineTool({ ...restart, run: () => ({ service: 'x', pid: 1.5 }) });
    await expect(invokeTool(liar, { service: 'x' })).rejects.toMatchObject({
      code: 'TOOL_OUTPUT_INVALID',
      side: 'output',
    });
  });

  it('wraps a throw in TOOL_RUN_FAILED, keeping the cause and its transient flag', async () => {
    const throttled = defineTool({
      ...restart,
      run: () => {
        throw new StoreUnavailableError('supervisor', 'restart');
      },
    });
    const broken = defineTool({
      ...restart,
      run: async () => {
        throw new TypeError('no such host');
      },
    });
    const transient = await invokeTool(throttled, { service: 'x' }).catch((caught: unknown) => caught);
    expect(transient).toBeInstanceOf(AgentbridgeError);
    expect(transient).toMatchObject({ code: 'TOOL_RUN_FAILED', transient: true });
    expect((transient as Error).cause).toBeInstanceOf(StoreUnavailableError);
    await expect(invokeTool(broken, { service: 'x' })).rejects.toMatchObject({
      code: 'TOOL_RUN_FAILED',
      errorType: 'TypeError',
      transient: false,
      message: 'Tool restart_service failed: TypeError: no such host',
    });
  });

  it('hands the caller’s abort signal to the tool', async () => {
    const controller = new AbortController();
    const watcher = defineTool({
      name: 'watch',
      description: 'Reports whether it was told to stop',
      input: z.object({}),
      output: z.boolean(),
      run: (_input, { signal }) => signal?.aborted ?? false,
    });
    controller.abort();
    expect(await invokeTool(watcher, {}, { signal: controller.signal })).toBe(true);
  });
});

describe('toolJsonSchema', () => {
  it('describes the tool for a model API: name, description, and what the input accepts as JSON Schema', () => {
    const tools: AnyTool[] = [restart];
    const [spec] = tools.map(toolJsonSchema);
    expect(spec).toMatchObject({
      name: 'restart_service',
      description: 'Restarts a service and reports its new process id',
      inputSchema: {
        type: 'object',
        properties: { service: { type: 'string', minLength: 1 }, graceSeconds: { type: 'integer' } },
        required: ['service'],
      },
    });
  });
});
