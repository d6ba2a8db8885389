import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineMessage } from '../../../../lambdas/contracts/message-type.js';
import { MessageValidationError } from '../../../../lambdas/contracts/message-validation-error.js';
import { isTransientTaskError } from '../../../../lambdas/contracts/transient-error.js';
import { defineAgent } from '../../../../lambdas/runtime/agent-definition.js';
import { AgentId } from '../../../../lambdas/runtime/agent-id.js';
import { PublishFailedError } from '../../../../lambdas/runtime/aws/publish-failed-error.js';
import { InvalidEnvelopeError } from '../../../../lambdas/runtime/lambda/agent-handler-error.js';
import { TopicId } from '../../../../lambdas/runtime/topic-id.js';
import type { HostedFunction } from '../../../../local/order-system/hosted-function.js';
import { UnroutableTaskError } from '../../../../local/order-system/local-order-system-error.js';
import {
  runtimeLambdaInvoker,
  type TaskInvocation,
} from '../../../../local/order-system/runtime-lambda-invoker.js';
import type { LocalEventEntry } from '../../../../local/stepfunctions/local-event-sink.js';
import type { LocalLambdaInvoker } from '../../../../local/stepfunctions/local-lambda-invoker.js';

const Double = defineMessage('Double', z.object({ n: z.number().int() }), {
  response: z.object({ doubled: z.number() }),
});
/** A store whose optimistic write lost a race: it says it is transient (a later attempt can succeed). */
class StoreBusy extends Error {
  readonly code = 'STATE_VERSION_CONFLICT';
  readonly transient = true;
}

async function invoker(injectFault?: (task: TaskInvocation) => Error | undefined) {
  const definition = defineAgent({
    handlers: (on) => [
      on.rpc(Double, async ({ n }, ctx) => {
        if (n < 0) throw new StoreBusy('lost the race');
        if (n === 0) await ctx.publish(Double, { n }, new TopicId('math.zero', 'o-1'));
        return { doubled: n * 2 };
      }),
    ],
  });
  const hosted: HostedFunction = { agentType: 'math', definition, subscriptions: [] };
  return runtimeLambdaInvoker({
    functions: new Map([['fn-math', hosted]]),
    ...(injectFault === undefined ? {} : { injectFault }),
  });
}
const task = (data: unknown, recipient = 'math/o-1') => ({
  agentbridge: 'task',
  messageType: 'Double',
  recipient,
  data,
});
const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => expect.unreachable('the invoke should fail'),
    (error: unknown) => error,
  );

describe('runtimeLambdaInvoker', () => {
  it('delivers a task request to the hosted agent and answers its result', async () => {
    const invoke = await invoker();
    expect(await invoke({ functionName: 'fn-math', payload: task({ n: 21 }) })).toEqual({ doubled: 42 });
  });

  it('refuses a payload that is not a task request, a function it does not host, an agent the function does not run', async () => {
    const invoke = await invoker();
    expect(
      (await failure(invoke({ functionName: 'fn-math', payload: { n: 1 } }))) instanceof InvalidEnvelopeError,
    ).toBe(true);
    expect(
      (await failure(invoke({ functionName: 'fn-other', payload: task({ n: 1 }) }))) instanceof
        UnroutableTaskError,
    ).toBe(true);
    expect(
      (await failure(invoke({ functionName: 'fn-math', payload: task({ n: 1 }, 'users/o-1') }))) instanceof
        UnroutableTaskError,
    ).toBe(true);
  });

  it('validates the data with the message schema: bad input fails as MessageValidationError (never retried)', async () => {
    const invoke = await invoker();
    const error = await failure(invoke({ functionName: 'fn-math', payload: task({ n: 'one' }) }));
    expect(error).toBeInstanceOf(MessageValidationError);
    expect(error).toMatchObject({ name: 'MessageValidationError' });
  });

  it('turns transient trouble into TransientError, the name the state machines retry', async () => {
    const invoke = await invoker();
    const error = await failure(invoke({ functionName: 'fn-math', payload: task({ n: -1 }) }));
    expect(isTransientTaskError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'TransientError', errorType: 'Error' });
  });

  it('throws an injected fault before the agent runs, seeing the validated task', async () => {
    const seen: TaskInvocation[] = [];
    const invoke = await invoker((invocation) => {
      seen.push(invocation);
      return Object.assign(new Error('Rate exceeded'), { name: 'Lambda.TooManyRequestsException' });
    });
    const error = await failure(invoke({ functionName: 'fn-math', payload: task({ n: 2 }) }));
    expect(error).toMatchObject({ name: 'Lambda.TooManyRequestsException' });
    expect(seen).toEqual([
      {
        kind: 'task',
        functionName: 'fn-math',
        agentType: 'math',
        messageType: 'Double',
        recipient: 'math/o-1',
        data: { n: 2 },
      },
    ]);
  });

  it('runs the task in the deployed adapter, whose AWS clients refuse calls offline with a clear error', async () => {
    const invoke = await invoker();
    const error = await failure(invoke({ functionName: 'fn-math', payload: task({ n: 0 }) }));
    // The publish fails at once (not retried as a throttle would be), naming why, as the adapter reports it.
    expect(error).toMatchObject({ name: 'TransientError' });
    const cause = (error as { cause?: unknown }).cause;
    expect(cause).toBeInstanceOf(PublishFailedError);
    expect(cause instanceof PublishFailedError && cause.failures).toEqual([
      expect.objectContaining({
        errorCode: 'OfflineAwsCallError',
        errorMessage: expect.stringContaining('offline'),
      }),
    ]);
  });

  describe('with routes for the functions own AWS calls', () => {
    const Relay = defineMessage('Relay', z.object({ n: z.number().int() }), {
      response: z.object({ doubled: z.number() }),
    });
    const routed = (injectFault?: (task: TaskInvocation) => Error | undefined) => {
      const relay = defineAgent({
        handlers: (on) => [
          on.rpc(Relay, async ({ n }, ctx) => {
            const answer = await ctx.send(Double, { n }, new AgentId('math', 'o-1'));
            await ctx.publish(Relay, { n: answer.doubled }, new TopicId('math.relayed', 'o-1'));
            return answer;
          }),
        ],
      });
      const math = defineAgent({
        handlers: (on) => [
          on.rpc(Double, async ({ n }) => {
            if (n < 0) throw new StoreBusy('lost the race');
            return { doubled: n * 2 };
          }),
        ],
      });
      const put: LocalEventEntry[] = [];
      const functions = new Map<string, HostedFunction>([
        ['fn-relay', { agentType: 'relay', definition: relay, subscriptions: [] }],
        ['fn-math', { agentType: 'math', definition: math, subscriptions: [] }],
      ]);
      const invoke: LocalLambdaInvoker = runtimeLambdaInvoker({
        functions,
        ...(injectFault === undefined ? {} : { injectFault }),
        routes: {
          putEvents: async (entries) => void put.push(...entries),
          invoke: (functionName, payload) => invoke({ functionName, payload }),
        },
        agentFunctions: new Map([['math', 'fn-math']]),
      });
      const relayTask = (n: number) => ({
        agentbridge: 'task',
        messageType: 'Relay',
        recipient: 'relay/o-1',
        data: { n },
      });
      return { invoke, put, relayTask };
    };

    it("delivers a task's send to the other function through its adapter and its publish to the bus", async () => {
      const seen: TaskInvocation[] = [];
      const { invoke, put, relayTask } = routed((invocation) => void seen.push(invocation));
      expect(await invoke({ functionName: 'fn-relay', payload: relayTask(4) })).toEqual({ doubled: 8 });
      expect(seen.map(({ kind, messageType, recipient }) => [kind, messageType, recipient])).toEqual([
        ['task', 'Relay', 'relay/o-1'],
        ['send', 'Double', 'math/o-1'],
      ]);
      expect(put).toEqual([expect.objectContaining({ Source: 'agentbridge.relay', DetailType: 'Relay' })]);
      expect(JSON.parse(String(put[0]?.Detail))).toMatchObject({
        data: { n: 8 },
        metadata: { topicType: 'math.relayed' },
      });
    });

    it('fails the sending task transiently when the function it sent to failed transiently, and publishes nothing', async () => {
      const { invoke, put, relayTask } = routed();
      const error = await failure(invoke({ functionName: 'fn-relay', payload: relayTask(-1) }));
      expect(isTransientTaskError(error)).toBe(true);
      expect(put).toEqual([]);
    });
  });
});
