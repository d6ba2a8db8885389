import type { Logger } from '../../lambdas/contracts/logger.js';
import { MessageRegistry } from '../../lambdas/contracts/message-registry.js';
import { AgentId } from '../../lambdas/runtime/agent-id.js';
import { SendRequestSchema } from '../../lambdas/runtime/aws/send-request.js';
import { TaskRequestSchema } from '../../lambdas/runtime/aws/task-request.js';
import { InvalidEnvelopeError } from '../../lambdas/runtime/lambda/agent-handler-error.js';
import { type LocalAgentFunction, localAgentFunction } from '../lambda/local-agent-function.js';
import type { LocalAwsRoutes } from '../lambda/local-aws-clients.js';
import type { LocalLambdaInvoker } from '../stepfunctions/local-lambda-invoker.js';
import type { HostedFunction } from './hosted-function.js';
import { UnroutableTaskError } from './local-order-system-error.js';

/** A task on its way to an agent, as a fault injector sees it. */
export interface TaskInvocation {
  /** A state machine's `lambda:invoke` task, or a `send` from another function. */
  readonly kind: 'task' | 'send';
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
 * The `lambda:invoke` tasks of the local state machines, delivered through each agent function's deployed
 * Lambda adapter (`agentHandler`, see `localAgentFunction`): the function name picks the function, the payload
 * goes to its handler unchanged (parsed, validated with the agent's own schemas, keyed for idempotency and
 * dispatched as on AWS), the result is the task's `Payload`, and an error leaves with its name for
 * Retry/Catch; transient trouble as `TransientError`, the one project name the state machines retry.
 * Before the function runs, the payload must be a task request for an agent type the function hosts (a
 * definition bug otherwise), and the fault injector may fail it.
 *
 * @example
 * ```ts
 * const invoke = runtimeLambdaInvoker({ functions: new Map([[functionName, hosted]]) });
 * await invoke({ functionName, payload: { agentbridge: 'task', messageType: 'ValidateUser', recipient: 'users/o-1', data } });
 * ```
 */
export function runtimeLambdaInvoker(options: {
  /** Function name → the agent function it hosts. Read at each invoke, so it may be filled after creation. */
  readonly functions: ReadonlyMap<string, HostedFunction>;
  readonly injectFault?: TaskFaultInjector;
  /** Receives the adapters' runtime warnings (unhandled messages). */
  readonly logger?: Logger;
  /** Where the functions' own publishes and sends go; without it they are refused (`OfflineAwsCallError`). */
  readonly routes?: LocalAwsRoutes;
  /** Agent type → function name, for the functions' sends. */
  readonly agentFunctions?: ReadonlyMap<string, string>;
}): LocalLambdaInvoker {
  const deployed = new WeakMap<HostedFunction, { fn: LocalAgentFunction; messages: MessageRegistry }>();
  const functionOf = (hosted: HostedFunction) => {
    const known = deployed.get(hosted);
    if (known !== undefined) return known;
    const created = {
      fn: localAgentFunction({
        agentType: hosted.agentType,
        definition: hosted.definition,
        ...(options.logger === undefined ? {} : { logger: options.logger }),
        ...(options.routes === undefined ? {} : { routes: options.routes }),
        ...(options.agentFunctions === undefined ? {} : { agentFunctions: options.agentFunctions }),
      }),
      messages: new MessageRegistry(hosted.definition.messageTypes),
    };
    deployed.set(hosted, created);
    return created;
  };
  const requestOf = (payload: unknown) => {
    const send = SendRequestSchema.safeParse(payload);
    if (send.success) {
      const { recipient, metadata, data } = send.data;
      return { kind: 'send' as const, messageType: metadata.type, recipient, data };
    }
    const parsed = TaskRequestSchema.safeParse(payload);
    if (!parsed.success)
      throw new InvalidEnvelopeError('task', parsed.error.message, { cause: parsed.error });
    return { kind: 'task' as const, ...parsed.data };
  };
  return async ({ functionName, payload }) => {
    const task = requestOf(payload);
    const hosted = options.functions.get(functionName);
    if (hosted === undefined) throw new UnroutableTaskError(functionName, task.recipient, 'no such function');
    const recipient = AgentId.fromString(task.recipient);
    if (recipient.type !== hosted.agentType) {
      throw new UnroutableTaskError(functionName, task.recipient, `it hosts ${hosted.agentType} only`);
    }
    const { fn, messages } = functionOf(hosted);
    // Faults are injected into valid tasks only: bad input goes on to the adapter, which dead-letters it.
    const type = messages.has(task.messageType) ? messages.get(task.messageType) : undefined;
    const checked = type?.schema.safeParse(task.data);
    if (options.injectFault !== undefined && checked?.success === true) {
      const fault = options.injectFault({
        kind: task.kind,
        functionName,
        agentType: hosted.agentType,
        messageType: task.messageType,
        recipient: task.recipient,
        data: checked.data,
      });
      if (fault !== undefined) throw fault;
    }
    return fn.invoke(payload);
  };
}
