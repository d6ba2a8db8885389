import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  PAYMENTS_ATTRIBUTES as A,
  PAYMENT_CHARGE_SORT_KEY,
  paymentSagaKey,
} from '../../../contracts/tables/payments-table.js';
import { CorruptItemError, StoreUnavailableError } from '../../store-errors.js';
import type { ChargeRecord, ChargeStatus, PaymentStorePort, RefundOutcome } from '../payment-store-port.js';

export interface DynamoDbPaymentStoreOptions {
  readonly documentClient: DynamoDBDocumentClient;
  /** The deployed payments table (`process.env[PAYMENTS_TABLE.envVar]`). */
  readonly tableName: string;
}

const STATUSES: readonly ChargeStatus[] = ['charged', 'declined', 'refunded', 'voided'];
const keyOf = (sagaId: string) => ({ [A.pk]: paymentSagaKey(sagaId), [A.sk]: PAYMENT_CHARGE_SORT_KEY });

/**
 * Charge records on DynamoDB (see `PAYMENTS_TABLE`): created once per saga (`attribute_not_exists`), refunded
 * once (`status = charged`). Reads are strongly consistent: a repeat must see the record its first attempt wrote.
 * IAM: dynamodb:GetItem, PutItem, UpdateItem on the table.
 *
 * @example
 * ```ts
 * const payments = new DynamoDbPaymentStore({ documentClient, tableName: process.env[PAYMENTS_TABLE.envVar] ?? '' });
 * ```
 */
export class DynamoDbPaymentStore implements PaymentStorePort {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(options: DynamoDbPaymentStoreOptions) {
    this.#client = options.documentClient;
    this.#table = options.tableName;
  }

  async recordCharge(record: ChargeRecord): Promise<{ created: boolean; record: ChargeRecord }> {
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: { ...keyOf(record.sagaId), ...toItem(record) },
          // One charge record per saga: the first attempt's outcome is the step's outcome.
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': A.pk },
        }),
      );
      return { created: true, record };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) {
        throw new StoreUnavailableError('payments', 'recordCharge', { cause: error });
      }
    }
    const stored = await this.charge(record.sagaId);
    return { created: false, record: stored ?? record };
  }

  async charge(sagaId: string): Promise<ChargeRecord | undefined> {
    try {
      const { Item } = await this.#client.send(
        new GetCommand({ TableName: this.#table, Key: keyOf(sagaId), ConsistentRead: true }),
      );
      return Item === undefined ? undefined : fromItem(sagaId, Item);
    } catch (error) {
      if (error instanceof CorruptItemError) throw error;
      throw new StoreUnavailableError('payments', 'charge', { cause: error });
    }
  }

  async refund(sagaId: string, at: string): Promise<RefundOutcome> {
    try {
      const { Attributes } = await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: keyOf(sagaId),
          UpdateExpression: 'SET #status = :refunded, #updatedAt = :at',
          // Only money held is given back, and only once.
          ConditionExpression: '#status = :charged',
          ExpressionAttributeNames: { '#status': A.status, '#updatedAt': A.updatedAt },
          ExpressionAttributeValues: { ':refunded': 'refunded', ':charged': 'charged', ':at': at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { kind: 'refunded', record: fromItem(sagaId, Attributes ?? {}) };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) {
        throw new StoreUnavailableError('payments', 'refund', { cause: error });
      }
    }
    return { kind: 'unchanged', record: await this.charge(sagaId) };
  }
}

const toItem = (record: ChargeRecord): Record<string, unknown> => ({
  [A.sagaId]: record.sagaId,
  [A.orderId]: record.orderId,
  [A.userId]: record.userId,
  [A.paymentId]: record.paymentId,
  [A.amount]: record.amount,
  [A.status]: record.status,
  [A.chargedAt]: record.chargedAt,
  [A.updatedAt]: record.updatedAt,
  ...(record.declineReason === undefined ? {} : { [A.declineReason]: record.declineReason }),
});

const fromItem = (sagaId: string, item: Record<string, unknown>): ChargeRecord => {
  const text = (name: string): string => {
    const value = item[name];
    if (typeof value !== 'string')
      throw new CorruptItemError('payments', sagaId, `"${name}" is not a string`);
    return value;
  };
  const status = text(A.status) as ChargeStatus;
  if (!STATUSES.includes(status))
    throw new CorruptItemError('payments', sagaId, `unknown status "${status}"`);
  const amount = item[A.amount];
  if (typeof amount !== 'number')
    throw new CorruptItemError('payments', sagaId, `"${A.amount}" is not a number`);
  const declineReason = item[A.declineReason];
  return {
    sagaId: text(A.sagaId),
    orderId: text(A.orderId),
    userId: text(A.userId),
    paymentId: text(A.paymentId),
    amount,
    status,
    chargedAt: text(A.chargedAt),
    updatedAt: text(A.updatedAt),
    ...(typeof declineReason === 'string' ? { declineReason } : {}),
  };
};
