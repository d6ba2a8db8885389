import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { LOCK_ATTRIBUTES as A, LOCK_SORT_KEYS } from '../../../contracts/tables/lock-table.js';
import type { QueuedWaiter } from '../lock.js';
import { CorruptLockItemError } from '../lock-error.js';
import type { EnqueueRequest, WaiterTicket } from '../lock-store-port.js';
import { isConditionalCheckFailed } from './dynamodb-errors.js';
import { lockKey, waiterItem, waiterSortKey } from './lock-items.js';

/**
 * The FIFO wait queue of one resource on DynamoDB: one item per waiter, sort key `waiter#<sequence>`, the
 * sequence from an atomic ADD on the queue-counter item (never expires), so enqueue order is sort order
 * whatever the callers' clocks say.
 *
 * @example
 * ```ts
 * const queue = new DynamoDbWaiterQueue(client, tableName);
 * const ticket = await queue.enqueue('order/42', { owner, now, waitDeadlineMs, aliveUntilMs });
 * ```
 */
export class DynamoDbWaiterQueue {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  async enqueue(resource: string, request: EnqueueRequest): Promise<WaiterTicket> {
    const { Attributes } = await this.#client.send(
      new UpdateCommand({
        TableName: this.#tableName,
        Key: lockKey(resource, LOCK_SORT_KEYS.queueCounter),
        UpdateExpression: 'ADD #seq :one',
        ExpressionAttributeNames: { '#seq': A.waiterSeq },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const seq = Attributes?.[A.waiterSeq];
    if (typeof seq !== 'number')
      throw new CorruptLockItemError(resource, LOCK_SORT_KEYS.queueCounter, A.waiterSeq);
    const { owner, waitDeadlineMs, aliveUntilMs, now } = request;
    const waiter: QueuedWaiter = { owner, seq, waitDeadlineMs, aliveUntilMs };
    // A crash between the two writes only leaves a gap in the sequence; FIFO order is unaffected.
    await this.#client.send(
      new PutCommand({ TableName: this.#tableName, Item: waiterItem(resource, waiter, now) }),
    );
    return { resource, owner, seq };
  }

  /** `false` when the entry is gone (another caller judged it dead and deleted it). */
  async touch(ticket: WaiterTicket, aliveUntilMs: number): Promise<boolean> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: lockKey(ticket.resource, waiterSortKey(ticket.seq)),
          UpdateExpression: 'SET #alive = :alive',
          ConditionExpression: 'attribute_exists(#sk)',
          ExpressionAttributeNames: { '#alive': A.aliveUntilMs, '#sk': A.sk },
          ExpressionAttributeValues: { ':alive': aliveUntilMs },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async remove(ticket: WaiterTicket): Promise<void> {
    await this.#client.send(
      new DeleteCommand({
        TableName: this.#tableName,
        Key: lockKey(ticket.resource, waiterSortKey(ticket.seq)),
      }),
    );
  }

  /** Deletes only entries still dead at `now`, so a waiter that heartbeated meanwhile keeps its place. */
  async dropDead(resource: string, dead: readonly QueuedWaiter[], now: number): Promise<void> {
    await Promise.all(
      dead.map(async (waiter) => {
        try {
          await this.#client.send(
            new DeleteCommand({
              TableName: this.#tableName,
              Key: lockKey(resource, waiterSortKey(waiter.seq)),
              ConditionExpression: '#deadline <= :now OR #alive <= :now',
              ExpressionAttributeNames: { '#deadline': A.waitDeadlineMs, '#alive': A.aliveUntilMs },
              ExpressionAttributeValues: { ':now': now },
            }),
          );
        } catch (error) {
          if (!isConditionalCheckFailed(error)) throw error;
        }
      }),
    );
  }
}
