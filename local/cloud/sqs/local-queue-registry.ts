import type { LocalClock } from '../local-clock.js';
import type { LocalJournal, LocalQueues, QueueMessageAttribute } from '../local-cloud-ports.js';
import type { LocalQueue } from '../local-deployment.js';
import { LocalQueueState } from './local-queue.js';
import { queueDoesNotExist } from './sqs-errors.js';

/** The last path segment of a queue URL (`…/<account>/<name>`). */
const nameOfUrl = (url: string): string | undefined => {
  try {
    return new URL(url).pathname.split('/').filter(Boolean).at(-1);
  } catch {
    return undefined;
  }
};

/**
 * The queues of one local deployment, found by URL, ARN or name as SQS accepts them. A URL is matched by its
 * queue name too, so a client that reaches the local cloud under another host name finds the same queue.
 * It is also the `LocalQueues` port the other local services send by.
 */
export class LocalQueueRegistry implements LocalQueues {
  readonly #byName = new Map<string, LocalQueueState>();
  readonly #byArn = new Map<string, LocalQueueState>();

  constructor(queues: readonly LocalQueue[], clock: LocalClock, journal: LocalJournal) {
    const environment = { clock, journal, queueByArn: (arn: string) => this.#byArn.get(arn) };
    for (const queue of queues) {
      const state = new LocalQueueState(queue, environment);
      this.#byName.set(queue.name, state);
      this.#byArn.set(queue.arn, state);
    }
  }

  /** Every queue, in deployment order. */
  all(): readonly LocalQueueState[] {
    return [...this.#byName.values()];
  }

  /** The queue a URL, ARN or name names, or undefined. */
  find(reference: string): LocalQueueState | undefined {
    return (
      this.#byArn.get(reference) ??
      this.#byName.get(reference) ??
      this.all().find((state) => state.queue.url === reference) ??
      this.#byName.get(nameOfUrl(reference) ?? '')
    );
  }

  /** The queue a URL, ARN or name names; `QueueDoesNotExist` when none. */
  get(reference: string): LocalQueueState {
    const state = this.find(reference);
    if (state === undefined) throw queueDoesNotExist(reference);
    return state;
  }

  async sendMessage(message: {
    readonly queue: string;
    readonly body: string;
    readonly attributes?: Readonly<Record<string, QueueMessageAttribute>>;
    readonly messageGroupId?: string;
    readonly deduplicationId?: string;
  }): Promise<{ readonly messageId: string }> {
    const sent = this.get(message.queue).send({
      body: message.body,
      attributes: message.attributes,
      groupId: message.messageGroupId,
      deduplicationId: message.deduplicationId,
    });
    return { messageId: sent.messageId };
  }

  close(): void {
    for (const state of this.all()) state.close();
  }
}
