import { parseArgs } from 'node:util';
import { EventBridgeClient, ListEventBusesCommand } from '@aws-sdk/client-eventbridge';
import {
  GetQueueAttributesCommand,
  ListDeadLetterSourceQueuesCommand,
  type Message,
  ReceiveMessageCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { makeVisibleAgain, redriveDeadLetters } from '../../../lambdas/runtime/aws/redrive-dead-letters.js';
import { argsOf, HELP, positional } from '../cli-args.js';
import { CliCommandError, CliUsageError } from '../cli-errors.js';
import type { CliIo } from '../cli-io.js';
import { adminRoutes, clientConfig, type DeployedQueue, endpointOf } from '../endpoint-client.js';

export const DLQ_USAGE =
  'agentbridge dlq list | show <queue> | redrive <queue> [--to queue] [--bus name] [--endpoint url]';

/** The deployment's dead-letter queues: those something sends its failures to. */
const deadLetterQueues = async (endpoint: string): Promise<DeployedQueue[]> =>
  (await adminRoutes.queues(endpoint)).filter((queue) => queue.deadLetterQueueOf.length > 0);

function queueNamed(queues: readonly DeployedQueue[], name: string): DeployedQueue {
  const found = queues.find((queue) => [queue.name, queue.url, queue.arn].includes(name));
  if (found === undefined) {
    throw new CliCommandError(
      `no dead-letter queue "${name}"; the deployment's are: ${queues.map((queue) => queue.name).join(', ') || 'none'}`,
    );
  }
  return found;
}

/** Every message of a queue without consuming it: received, then made visible again at once. */
async function peek(client: SQSClient, url: string): Promise<Message[]> {
  const seen: Message[] = [];
  try {
    for (;;) {
      const { Messages = [] } = await client.send(
        new ReceiveMessageCommand({
          QueueUrl: url,
          MaxNumberOfMessages: 10,
          VisibilityTimeout: 30,
          MessageAttributeNames: ['All'],
          MessageSystemAttributeNames: ['All'],
        }),
      );
      if (Messages.length === 0) return seen;
      seen.push(...Messages);
    }
  } finally {
    await makeVisibleAgain(client, url, seen);
  }
}

function printMessage(io: CliIo, message: Message): void {
  io.out(
    `message ${message.MessageId} (received ${message.Attributes?.ApproximateReceiveCount ?? '?'} times)`,
  );
  for (const [name, value] of Object.entries(message.MessageAttributes ?? {})) {
    io.out(`  ${name}: ${value.StringValue ?? value.BinaryValue?.toString() ?? ''}`);
  }
  io.out(`  body: ${message.Body ?? ''}`);
}

/** Lists the dead-letter queues, shows one's messages with their error attributes, or redrives it. */
export async function dlqCommand(args: readonly string[], io: CliIo): Promise<void> {
  const { values, positionals } = argsOf(DLQ_USAGE, () =>
    parseArgs({
      args: [...args],
      options: { endpoint: { type: 'string' }, to: { type: 'string' }, bus: { type: 'string' }, ...HELP },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    io.out(`usage: ${DLQ_USAGE}`);
    io.out('show prints the messages and their error attributes and leaves them on the queue;');
    io.out(
      'redrive moves a queue that SQS queues dead-letter into back to them (or --to another queue) with',
    );
    io.out(
      "StartMessageMoveTask; the events of any other dead-letter queue (a rule's, a function's) go back on",
    );
    io.out(
      "their bus (--bus, default: the deployment's one bus) with PutEvents, each message deleted once accepted.",
    );
    return;
  }
  const command = positional(positionals, 0, 'list|show|redrive', DLQ_USAGE);
  if (!['list', 'show', 'redrive'].includes(command)) {
    throw new CliUsageError(`unknown dlq command "${command}"\nusage: ${DLQ_USAGE}`);
  }
  const endpoint = endpointOf(values.endpoint, io);
  const queues = await deadLetterQueues(endpoint);
  const client = new SQSClient(clientConfig(endpoint, io));
  try {
    if (command === 'list') {
      for (const queue of queues) {
        const { Attributes } = await client.send(
          new GetQueueAttributesCommand({
            QueueUrl: queue.url,
            AttributeNames: ['ApproximateNumberOfMessages'],
          }),
        );
        const count = Attributes?.ApproximateNumberOfMessages ?? '0';
        io.out(
          `${queue.name.padEnd(40)} ${count.padStart(5)}  dead letters of ${queue.deadLetterQueueOf.join(', ')}`,
        );
      }
      if (queues.length === 0) io.out('the deployment has no dead-letter queues');
      return;
    }
    const queue = queueNamed(queues, positional(positionals, 1, 'queue', DLQ_USAGE));
    if (command === 'show') {
      const messages = await peek(client, queue.url);
      for (const message of messages) printMessage(io, message);
      io.out(`${messages.length} message(s) on ${queue.name}`);
      return;
    }
    const { queueUrls = [] } = await client.send(
      new ListDeadLetterSourceQueuesCommand({ QueueUrl: queue.url }),
    );
    if (values.to === undefined && queueUrls.length === 0) {
      await redriveOntoBus(queue, values.bus, endpoint, client, io);
      return;
    }
    const destination =
      values.to === undefined
        ? undefined
        : (await adminRoutes.queues(endpoint)).find((q) => [q.name, q.url, q.arn].includes(values.to ?? ''));
    if (values.to !== undefined && destination === undefined)
      throw new CliCommandError(`no queue "${values.to}"`);
    const { TaskHandle } = await client.send(
      new StartMessageMoveTaskCommand({
        SourceArn: queue.arn,
        ...(destination === undefined ? {} : { DestinationArn: destination.arn }),
      }),
    );
    io.out(
      `redriving ${queue.name}${destination === undefined ? ' to its source queues' : ` to ${destination.name}`} (task ${TaskHandle ?? '?'})`,
    );
  } catch (error) {
    if (error instanceof CliCommandError || error instanceof CliUsageError) throw error;
    throw new CliCommandError(
      `SQS refused: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      {
        cause: error,
      },
    );
  } finally {
    client.destroy();
  }
}

/** Puts the events of a dead-letter queue no SQS queue feeds back on their bus, and says what stayed. */
async function redriveOntoBus(
  queue: DeployedQueue,
  bus: string | undefined,
  endpoint: string,
  sqs: SQSClient,
  io: CliIo,
): Promise<void> {
  const eventBridge = new EventBridgeClient(clientConfig(endpoint, io));
  try {
    let eventBusName = bus;
    if (eventBusName === undefined) {
      const { EventBuses = [] } = await eventBridge.send(new ListEventBusesCommand({}));
      const own = EventBuses.map((one) => one.Name ?? '').filter((name) => name !== 'default');
      if (own.length !== 1) {
        throw new CliCommandError(
          `name the bus to redrive ${queue.name} onto with --bus; the deployment has ${own.join(', ') || 'none but the default'}`,
        );
      }
      eventBusName = own[0] as string;
    }
    const report = await redriveDeadLetters({ sqs, eventBridge, queueUrl: queue.url, eventBusName });
    io.out(`redrove ${report.redriven.length} event(s) from ${queue.name} onto ${eventBusName}`);
    for (const left of report.unreadable) io.out(`  left ${left.messageId}: ${left.reason}`);
    for (const left of report.refused)
      io.out(`  left ${left.messageId}: ${left.errorCode} ${left.errorMessage}`);
  } finally {
    eventBridge.destroy();
  }
}
