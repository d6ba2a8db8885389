import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { StockLine } from '../../../contracts/order/saga-tasks.js';
import {
  INVENTORY_ATTRIBUTES as A,
  INVENTORY_STOCK_SORT_KEY,
  stockKey,
} from '../../../contracts/tables/inventory-table.js';
import { StoreUnavailableError } from '../../store-errors.js';
import type {
  CheckRecord,
  InventoryStorePort,
  ReservationRecord,
  ReserveOutcome,
  StatusChangeOutcome,
  StockLevel,
} from '../inventory-store-port.js';
import { canChangeReservation } from '../reservation-transitions.js';
import {
  checkFromItem,
  checkItem,
  checkKey,
  reservationFromItem,
  reservationItem,
  reservationKey,
} from './inventory-items.js';
import { type StockMove, stockUpdate, type TransactItem } from './stock-update.js';

export interface DynamoDbInventoryStoreOptions {
  readonly documentClient: DynamoDBDocumentClient;
  /** The deployed inventory table (`process.env[INVENTORY_TABLE.envVar]`). */
  readonly tableName: string;
}

/** Cancellation reasons of a failed transaction, by item index ('None' for items that were fine). */
const reasons = (error: TransactionCanceledException): string[] =>
  (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');

/**
 * Inventory on DynamoDB (see `INVENTORY_TABLE`). A reservation is one TransactWriteItems: the reservation
 * record (`attribute_not_exists`, so a saga reserves once) plus one Update per line
 * (`available >= :quantity`, so stock never goes below zero); release and commit flip the record's status
 * (conditional on the status they read, see `canChangeReservation`) in the same transaction as the stock they
 * move. Reads are strongly consistent.
 * IAM: dynamodb:GetItem, BatchGetItem, PutItem, UpdateItem on the table (TransactWriteItems is authorised
 * per contained action).
 *
 * @example
 * ```ts
 * const stock = new DynamoDbInventoryStore({ documentClient, tableName: process.env[INVENTORY_TABLE.envVar] ?? '' });
 * ```
 */
export class DynamoDbInventoryStore implements InventoryStorePort {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(options: DynamoDbInventoryStoreOptions) {
    this.#client = options.documentClient;
    this.#table = options.tableName;
  }

  async stockLevels(skus: readonly string[]): Promise<StockLevel[]> {
    const found = new Map<string, StockLevel>();
    let keys = [...new Set(skus)].map((sku) => ({ [A.pk]: stockKey(sku), [A.sk]: INVENTORY_STOCK_SORT_KEY }));
    // BatchGetItem takes 100 keys; an order has at most 50 lines. Unprocessed keys (throttling) are re-asked.
    for (let round = 0; keys.length > 0; round += 1) {
      if (round >= 5)
        throw new StoreUnavailableError('inventory', 'stockLevels', {
          cause: 'unprocessed keys kept coming back',
        });
      const page = await this.#call('stockLevels', () =>
        this.#client.send(
          new BatchGetCommand({ RequestItems: { [this.#table]: { Keys: keys, ConsistentRead: true } } }),
        ),
      );
      for (const item of page.Responses?.[this.#table] ?? []) {
        const sku = String(item[A.sku]);
        found.set(sku, {
          sku,
          available: Number(item[A.available] ?? 0),
          reserved: Number(item[A.reserved] ?? 0),
        });
      }
      keys = (page.UnprocessedKeys?.[this.#table]?.Keys ?? []) as typeof keys;
    }
    return skus.map((sku) => found.get(sku) ?? { sku, available: 0, reserved: 0 });
  }

  async restock(sku: string, quantity: number): Promise<StockLevel> {
    const { Attributes } = await this.#call('restock', () =>
      this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: { [A.pk]: stockKey(sku), [A.sk]: INVENTORY_STOCK_SORT_KEY },
          UpdateExpression: 'SET #sku = :sku ADD #available :quantity, #reserved :zero',
          ExpressionAttributeNames: { '#sku': A.sku, '#available': A.available, '#reserved': A.reserved },
          ExpressionAttributeValues: { ':sku': sku, ':quantity': quantity, ':zero': 0 },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    return {
      sku,
      available: Number(Attributes?.[A.available] ?? 0),
      reserved: Number(Attributes?.[A.reserved] ?? 0),
    };
  }

  async recordCheck(record: CheckRecord): Promise<CheckRecord> {
    const stored = await this.#putIfAbsent('recordCheck', checkItem(record), checkKey(record.sagaId));
    return stored === undefined ? record : checkFromItem(stored);
  }

  async reserve(request: {
    sagaId: string;
    orderId: string;
    items: readonly StockLine[];
    at: string;
  }): Promise<ReserveOutcome> {
    const record: ReservationRecord = {
      ...request,
      items: [...request.items],
      status: 'reserved',
      reservedAt: request.at,
      updatedAt: request.at,
    };
    const failed = await this.#transact('reserve', [
      { Put: { TableName: this.#table, Item: reservationItem(record), ...absent } },
      ...request.items.map((line) => ({ Update: stockUpdate(this.#table, line, 'reserve') })),
    ]);
    if (failed === undefined) return { kind: 'reserved', record };
    if (failed[0] === 'ConditionalCheckFailed') {
      const existing = await this.reservation(request.sagaId);
      if (existing) return { kind: 'existing', record: existing };
    }
    const shortIndex = failed.findIndex((code, index) => index > 0 && code === 'ConditionalCheckFailed');
    const line = request.items[shortIndex - 1];
    if (line === undefined)
      throw new StoreUnavailableError('inventory', 'reserve', { cause: failed.join(',') });
    const [level] = await this.stockLevels([line.sku]);
    return {
      kind: 'short',
      shortage: { sku: line.sku, requested: line.quantity, available: level?.available ?? 0 },
    };
  }

  async recordIfAbsent(record: ReservationRecord): Promise<ReservationRecord> {
    const stored = await this.#putIfAbsent(
      'recordIfAbsent',
      reservationItem(record),
      reservationKey(record.sagaId),
    );
    return stored === undefined ? record : reservationFromItem(stored);
  }

  async reservation(sagaId: string): Promise<ReservationRecord | undefined> {
    const { Item } = await this.#call('reservation', () =>
      this.#client.send(
        new GetCommand({ TableName: this.#table, Key: reservationKey(sagaId), ConsistentRead: true }),
      ),
    );
    return Item === undefined ? undefined : reservationFromItem(Item);
  }

  async release(sagaId: string, at: string): Promise<StatusChangeOutcome> {
    return this.#changeStatus(sagaId, 'released', 'release', at);
  }

  async commit(sagaId: string, at: string): Promise<StatusChangeOutcome> {
    return this.#changeStatus(sagaId, 'committed', 'commit', at);
  }

  async #changeStatus(
    sagaId: string,
    status: 'released' | 'committed',
    move: StockMove,
    at: string,
  ): Promise<StatusChangeOutcome> {
    const record = await this.reservation(sagaId);
    if (record === undefined || !canChangeReservation(record.status, status))
      return { kind: 'unchanged', record };
    const from = record.status;
    const stockMove: StockMove = from === 'committed' ? 'restore' : move;
    const failed = await this.#transact(stockMove, [
      {
        Update: {
          TableName: this.#table,
          Key: reservationKey(sagaId),
          UpdateExpression: 'SET #status = :to, #updatedAt = :at',
          // Only the status read above moves stock: of two concurrent releases (or a release racing a commit)
          // exactly one transaction finds it and moves the lines; the other changes nothing.
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: { '#status': A.status, '#updatedAt': A.updatedAt },
          ExpressionAttributeValues: { ':to': status, ':at': at, ':from': from },
        },
      },
      ...record.items.map((line) => ({ Update: stockUpdate(this.#table, line, stockMove) })),
    ]);
    if (failed === undefined) return { kind: 'changed', record: { ...record, status, updatedAt: at } };
    return { kind: 'unchanged', record: await this.reservation(sagaId) };
  }

  /** Runs a transaction; undefined on success, the cancellation codes when a condition failed. */
  async #transact(operation: string, items: TransactItem[]): Promise<string[] | undefined> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.#client.send(new TransactWriteCommand({ TransactItems: items }));
        return undefined;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException))
          throw new StoreUnavailableError('inventory', operation, { cause: error });
        const codes = reasons(error);
        // Another transaction on the same items was in flight: try again shortly, then report it as transient.
        if (codes.includes('TransactionConflict') && attempt < 4) {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
          continue;
        }
        // No reason naming a failed condition means nothing says a race was lost: a fault, never "unchanged".
        if (
          !codes.includes('ConditionalCheckFailed') ||
          codes.some((code) => code !== 'None' && code !== 'ConditionalCheckFailed')
        ) {
          throw new StoreUnavailableError('inventory', operation, { cause: error });
        }
        return codes;
      }
    }
  }

  async #putIfAbsent(
    operation: string,
    item: Record<string, unknown>,
    key: Record<string, unknown>,
  ): Promise<Record<string, unknown> | undefined> {
    try {
      await this.#client.send(new PutCommand({ TableName: this.#table, Item: item, ...absent }));
      return undefined;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException))
        throw new StoreUnavailableError('inventory', operation, { cause: error });
    }
    const { Item } = await this.#call(operation, () =>
      this.#client.send(new GetCommand({ TableName: this.#table, Key: key, ConsistentRead: true })),
    );
    return Item ?? item;
  }

  async #call<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new StoreUnavailableError('inventory', operation, { cause: error });
    }
  }
}

/** A record is written once per saga and step: the first writer wins, repeats read what it wrote. */
const absent = {
  ConditionExpression: 'attribute_not_exists(#pk)',
  ExpressionAttributeNames: { '#pk': A.pk },
};
