import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { StockLine } from '../../../contracts/order/saga-tasks.js';
import {
  INVENTORY_ATTRIBUTES as A,
  INVENTORY_STOCK_SORT_KEY,
  stockKey,
} from '../../../contracts/tables/inventory-table.js';

/** One item of a TransactWriteItems call. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Update = NonNullable<TransactItem['Update']>;

/**
 * reserve: available → reserved; release: reserved → available; commit: reserved → gone (processing took it);
 * restore: gone → available (a committed reservation released: the cancelled order's goods back on the shelf).
 */
export type StockMove = 'reserve' | 'release' | 'commit' | 'restore';

const EXPRESSIONS: Readonly<Record<StockMove, string>> = {
  reserve: 'SET #available = #available - :q, #reserved = if_not_exists(#reserved, :zero) + :q',
  release: 'SET #available = #available + :q, #reserved = #reserved - :q',
  commit: 'SET #reserved = #reserved - :q',
  restore: 'SET #available = #available + :q',
};

/**
 * The Update (inside a transaction) that moves one line's stock. A reservation is conditional on
 * `available >= :q`: the decrement can never take stock below zero, and an SKU with no stock item fails the
 * condition (a missing attribute compares false) instead of being created negative.
 *
 * @example
 * ```ts
 * transactItems.push({ Update: stockUpdate(tableName, { sku: 'SKU-1', quantity: 2 }, 'reserve') });
 * ```
 */
export function stockUpdate(tableName: string, line: StockLine, move: StockMove): Update {
  const update: Update = {
    TableName: tableName,
    Key: { [A.pk]: stockKey(line.sku), [A.sk]: INVENTORY_STOCK_SORT_KEY },
    UpdateExpression: EXPRESSIONS[move],
    ExpressionAttributeNames: { '#available': A.available, '#reserved': A.reserved },
    ExpressionAttributeValues: { ':q': line.quantity },
  };
  if (move === 'commit') update.ExpressionAttributeNames = { '#reserved': A.reserved };
  if (move === 'restore') update.ExpressionAttributeNames = { '#available': A.available };
  if (move === 'reserve') {
    update.ConditionExpression = '#available >= :q';
    update.ExpressionAttributeValues = { ':q': line.quantity, ':zero': 0 };
  }
  return update;
}
