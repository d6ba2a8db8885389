import { randomUUID } from 'node:crypto';
import { AwsServiceError, type JsonOperation } from '../endpoint/aws-service.js';
import type { LocalClock } from '../local-clock.js';
import type { LocalJournal } from '../local-cloud-ports.js';
import type { LocalQueueState } from './local-queue.js';
import type { LocalQueueRegistry } from './local-queue-registry.js';
import { invalidParameter } from './sqs-errors.js';
import { integerIn, optionalString, requiredString } from './sqs-input.js';

interface MoveTask {
  readonly taskHandle: string;
  readonly source: LocalQueueState;
  readonly destinationArn: string | undefined;
  readonly ratePerSecond: number | undefined;
  readonly startedAt: number;
  readonly toMove: number;
  status: 'RUNNING' | 'COMPLETED' | 'CANCELLED' | 'FAILED';
  moved: number;
  cancelNext: (() => void) | undefined;
}

const notFound = (what: string) => new AwsServiceError('ResourceNotFoundException', what, { status: 404 });

/**
 * The redrive API (StartMessageMoveTask, ListMessageMoveTasks, CancelMessageMoveTask): a task moves the
 * visible messages of a dead-letter queue to the queue each came from, or to a named destination, at most
 * `MaxNumberOfMessagesPerSecond` a second on the local clock (all at once when left unlimited).
 */
export function messageMoveTaskOperations(
  registry: LocalQueueRegistry,
  environment: { readonly clock: LocalClock; readonly journal: LocalJournal },
): Record<string, JsonOperation> {
  const tasks: MoveTask[] = [];
  const { clock, journal } = environment;

  const step = (task: MoveTask): void => {
    task.cancelNext = undefined;
    if (task.status !== 'RUNNING') return;
    const visible = task.source.messages().filter((message) => message.visibleAt <= clock.now());
    for (const message of visible.slice(0, task.ratePerSecond ?? visible.length)) {
      const target = registry.find(task.destinationArn ?? message.deadLetterSourceArn ?? '');
      if (target === undefined) {
        task.status = 'FAILED';
        return;
      }
      task.source.remove(message);
      target.accept(message, undefined);
      task.moved += 1;
      journal.record({
        service: 'sqs',
        action: 'MessageRedriven',
        resource: task.source.queue.name,
        payload: message.body,
        detail: `${message.messageId} → ${target.queue.name}`,
      });
    }
    if (task.moved >= task.toMove || visible.length <= (task.ratePerSecond ?? visible.length)) {
      task.status = 'COMPLETED';
      return;
    }
    task.cancelNext = clock.schedule(() => step(task), 1000);
  };

  const taskShape = (task: MoveTask) => ({
    ...(task.status === 'RUNNING' ? { TaskHandle: task.taskHandle } : {}),
    Status: task.status,
    SourceArn: task.source.queue.arn,
    ...(task.destinationArn === undefined ? {} : { DestinationArn: task.destinationArn }),
    ...(task.ratePerSecond === undefined ? {} : { MaxNumberOfMessagesPerSecond: task.ratePerSecond }),
    ApproximateNumberOfMessagesMoved: task.moved,
    ApproximateNumberOfMessagesToMove: task.toMove,
    ...(task.status === 'FAILED'
      ? { FailureReason: 'A message has no source queue and no destination was given.' }
      : {}),
    StartedTimestamp: task.startedAt,
  });

  return {
    StartMessageMoveTask: async (input) => {
      const sourceArn = requiredString(input, 'SourceArn');
      const source = registry.find(sourceArn);
      if (source === undefined)
        throw notFound(
          `The resource that you specified for the SourceArn parameter doesn't exist: ${sourceArn}`,
        );
      const isDeadLetterQueue = registry
        .all()
        .some((queue) => queue.queue.redrivePolicy?.deadLetterTarget.arn === source.queue.arn);
      if (!isDeadLetterQueue)
        throw invalidParameter('Source queue must be configured as a Dead Letter Queue.');
      if (tasks.some((task) => task.source === source && task.status === 'RUNNING')) {
        throw new AwsServiceError(
          'UnsupportedOperation',
          'There is already a task running. Only one active task is allowed for a source queue arn at a given time.',
        );
      }
      const destinationArn = optionalString(input, 'DestinationArn');
      if (destinationArn !== undefined && registry.find(destinationArn) === undefined) {
        throw notFound(
          `The resource that you specified for the DestinationArn parameter doesn't exist: ${destinationArn}`,
        );
      }
      const rate =
        input.MaxNumberOfMessagesPerSecond === undefined
          ? undefined
          : integerIn(input, 'MaxNumberOfMessagesPerSecond', { min: 1, max: 500 }, 500);
      const task: MoveTask = {
        taskHandle: Buffer.from(JSON.stringify({ taskId: randomUUID(), sourceArn }), 'utf8').toString(
          'base64',
        ),
        source,
        destinationArn,
        ratePerSecond: rate,
        startedAt: clock.now(),
        toMove: source.counts().visible,
        status: 'RUNNING',
        moved: 0,
        cancelNext: undefined,
      };
      tasks.push(task);
      step(task);
      return { TaskHandle: task.taskHandle };
    },
    ListMessageMoveTasks: async (input) => {
      const source = registry.find(requiredString(input, 'SourceArn'));
      if (source === undefined)
        throw notFound("The resource that you specified for the SourceArn parameter doesn't exist.");
      const max = integerIn(input, 'MaxResults', { min: 1, max: 10 }, 1);
      const mine = tasks
        .filter((task) => task.source === source)
        .reverse()
        .slice(0, max);
      return { Results: mine.map(taskShape) };
    },
    CancelMessageMoveTask: async (input) => {
      const handle = requiredString(input, 'TaskHandle');
      const task = tasks.find(
        (candidate) => candidate.taskHandle === handle && candidate.status === 'RUNNING',
      );
      if (task === undefined) throw notFound('Task does not exist or is not running.');
      task.cancelNext?.();
      task.status = 'CANCELLED';
      return { ApproximateNumberOfMessagesMoved: task.moved };
    },
  };
}
