import { MessageRegistry } from '../../lambdas/contracts/message-registry.js';
import { isTransientTaskError, TransientError } from '../../lambdas/contracts/transient-error.js';
import { AgentId } from '../../lambdas/runtime/agent-id.js';
import type { AgentRuntime } from '../../lambdas/runtime/agent-runtime.js';
import { TaskRequestSchema } from '../../lambdas/runtime/aws/task-request.js';
import { InvalidEnvelopeError } from '../../lambdas/runtime/lambda/agent-handler-error.js';
import { isTransientError } from '../../lambdas/runtime/lambda/is-transient-error.js';
import type { LocalLambdaInvoker } from '../stepfunctions/local-lambda-invoker.js';
import type { HostedFunction } from './hosted-function.js';
import { UnroutableTaskError } from './local-order-system-error.js';

/** A task on its way to an agent, as a fault injector sees it. */
export interface TaskInvocation {
  readonly functionName: string;
  readonly agentType: string;
  readonly messageType: string;
  readonly recipient: string;
  /** The validated task data (`sagaId`, `orderId`, ...). */
  readonly data: unknown;
}

/**
 * Decides whether a task fails before it reaches its agent (tests and demos force business and transient
 * failures with it). The error is thrown as the function's error: its `name` is what Retry/Catch match, so
 * `new TransientError(cause)` is retried and an error named `Lambda.TooManyRequestsException` stands for the
 * Lambda service throttling the invoke.
 */
export type TaskFaultInjector = (task: TaskInvocation) => Error | undefined;

/**
 * The `lambda:invoke` tasks of the local state machines, delivered to the agents in the runtime the way the
 * deployed handler does it: the function name picks the hosted agent type, the payload is a task request
 * (`{ agentbridge: 'task', messageType, recipient, data }`) validated with the agent's own schemas, the
 * result is the task's `Payload`, and an error leaves with its name for Retry/Catch; transient trouble as
 * `TransientError`, the one project name the state machines retry.
 *
 * @example
 * ```ts
 * const invoke = runtimeLambdaInvoker({ runtime, functions: new Map([[functionName, hosted]]) });
 * await invoke({ functionName, payload: { agentbridge: 'task', messageType: 'ValidateUser', recipient: 'users/o-1', data } });
 * ```
 */
export function runtimeLambdaInvoker(options: {
  readonly runtime: AgentRuntime;
  /** Function name → the agent function it hosts. Read at each invoke, so it may be filled after creation. */
  readonly functions: ReadonlyMap<string, HostedFunction>;
  readonly injectFault?: TaskFaultInjector;
}): LocalLambdaInvoker {
  const registries = new WeakMap<HostedFunction, MessageRegistry>();
  const messagesOf = (hosted: HostedFunction): MessageRegistry => {
    const known = registries.get(hosted);
    if (known !== undefined) return known;
    const created = new MessageRegistry(hosted.definition.messageTypes);
    registries.set(hosted, created);
    return created;
  };
  return async ({ functionName, payload }) => {
    const parsed = TaskRequestSchema.safeParse(payload);
    if (!parsed.success)
      throw new InvalidEnvelopeError('task', parsed.error.message, { cause: parsed.error });
    const task = parsed.data;
    const hosted = options.functions.get(functionName);
    if (hosted === undefined) throw new UnroutableTaskError(functionName, task.recipient, 'no such function');
    const recipient = AgentId.fromString(task.recipient);
    if (recipient.type !== hosted.agentType) {
      throw new UnroutableTaskError(functionName, task.recipient, `it hosts ${hosted.agentType} only`);
    }
    const type = messagesOf(hosted).get(task.messageType);
    const data = type.parse(task.data);
    const fault = options.injectFault?.({
      functionName,
      agentType: hosted.agentType,
      messageType: task.messageType,
      recipient: task.recipient,
      data,
    });
    if (fault !== undefined) throw fault;
    try {
      return await options.runtime.send(type, data, recipient, {
        ...(task.correlationId === undefined ? {} : { correlationId: task.correlationId }),
      });
    } catch (error) {
      throw isTransientError(error) && !isTransientTaskError(error) ? new TransientError(error) : error;
    }
  };
}
