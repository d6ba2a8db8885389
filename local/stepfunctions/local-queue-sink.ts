/**
 * Where a local execution's `sqs:sendMessage` tasks deliver (the queue port of the engine). The body is the
 * task's `MessageBody` as SQS stores it: JSON text when the state machine passed an object. Throwing fails the
 * task with `SQS.AmazonSQSException`, so its Retry/Catch apply.
 *
 * @example
 * ```ts
 * const sink: LocalQueueSink = { sendMessage: async ({ queueUrl, messageBody }) => ({ messageId: '1' }) };
 * ```
 */
export interface LocalQueueSink {
  sendMessage(message: { readonly queueUrl: string; readonly messageBody: string }): Promise<{
    readonly messageId: string;
  }>;
}
