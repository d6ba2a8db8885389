/** One message of the parked-saga queue: the parked saga's state as JSON text, and how to delete it. */
export interface ParkedSagaMessage {
  readonly receiptHandle: string;
  readonly body: string;
}

/**
 * The parked-saga queue, as the redrive command reads it. Adapters: `SqsParkedSagaQueue` (AWS, SQS client
 * injected) and `InMemoryParkedSagaQueue` (the local order system's queue, which the local engine's
 * `sqs:sendMessage` task writes to).
 *
 * `receive` hands out up to `max` messages not handed out before (SQS: for the visibility timeout); a
 * message stays in the queue until `delete`.
 *
 * @example
 * ```ts
 * for (const message of await queue.receive(10)) await queue.delete(message.receiptHandle);
 * ```
 */
export interface ParkedSagaQueue {
  receive(max: number): Promise<readonly ParkedSagaMessage[]>;
  delete(receiptHandle: string): Promise<void>;
}
