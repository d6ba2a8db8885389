import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** One DynamoDB request as DynamoDB billed it (ReturnConsumedCapacity: TOTAL). */
export interface CapacityRecord {
  readonly table: string;
  readonly operation: string;
  readonly kind: 'read' | 'write';
  readonly units: number;
  /** The function whose invocation sent it (see {@link CapacityMeter.within}), or undefined outside one. */
  readonly fn: string | undefined;
  /** The correlation id (the order) of the invocation that sent it. */
  readonly correlationId: string | undefined;
  /** The partition key values the request touched, for hot-key accounting. */
  readonly keys: readonly string[];
}

/** An item a write put into a table (the stream's INSERT images, for the stream consumers' filters). */
export interface WrittenItem {
  readonly table: string;
  readonly item: Readonly<Record<string, unknown>>;
}

const WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
  'BatchWriteItemCommand',
]);
const READS = new Set([
  'GetItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'TransactGetItemsCommand',
]);

interface ConsumedCapacity {
  readonly TableName?: string;
  readonly CapacityUnits?: number;
}
type AttributeMap = Record<string, unknown>;

const ATTRIBUTE_TYPES = new Set(['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS']);
const isAttributeValue = (value: unknown): boolean =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.keys(value).length === 1 &&
  ATTRIBUTE_TYPES.has(Object.keys(value)[0] ?? '');

/**
 * An attribute as a stream record carries it (`{ S: 'event' }`): the document client's requests reach the
 * meter before they are marshalled, Powertools' already marshalled; both are recorded the same way.
 */
const toAttributeValue = (value: unknown): unknown => {
  if (isAttributeValue(value)) return value;
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (value === null || value === undefined) return { NULL: true };
  if (Array.isArray(value)) return { L: value.map(toAttributeValue) };
  return { M: marshalled(value as AttributeMap) };
};
const marshalled = (item: AttributeMap): AttributeMap =>
  Object.fromEntries(Object.entries(item).map(([name, value]) => [name, toAttributeValue(value)]));
interface RequestInput {
  TableName?: string;
  Item?: AttributeMap;
  Key?: AttributeMap;
  ReturnConsumedCapacity?: string;
  TransactItems?: Array<Record<string, { TableName?: string; Item?: AttributeMap; Key?: AttributeMap }>>;
}

const keyValue = (
  map: AttributeMap | undefined,
  partitionKeys: ReadonlyMap<string, string>,
  table: string,
) => {
  const attribute = toAttributeValue(map?.[partitionKeys.get(table) ?? '']) as { S?: string; N?: string };
  return attribute.S ?? attribute.N;
};

/**
 * Measures what DynamoDB bills: a middleware on a DynamoDB client asks every data-plane request for its
 * consumed capacity and records it per table, read or write, with the partition keys it touched and the
 * function whose invocation sent it; puts (plain or in a transaction) are kept as written items. DynamoDB
 * Local computes the units as DynamoDB does (1 WRU per KB written, 2 in a transaction; 0.5 RRU per 4 KB read
 * eventually consistent). A request that fails (a refused condition) reports nothing and is not counted.
 *
 * @example
 * ```ts
 * const meter = new CapacityMeter(new Map([['users', 'pk']]));
 * meter.attach(client);
 * await meter.within('users', 'o-1', () => store.put(item));
 * ```
 */
export class CapacityMeter {
  readonly records: CapacityRecord[] = [];
  readonly written: WrittenItem[] = [];
  readonly #invocation = new AsyncLocalStorage<{ fn: string; correlationId: string | undefined }>();
  readonly #partitionKeys: ReadonlyMap<string, string>;

  /** `partitionKeys`: table name → its partition key attribute. */
  constructor(partitionKeys: ReadonlyMap<string, string>) {
    this.#partitionKeys = partitionKeys;
  }

  /** Runs `work` as part of an invocation of `fn` for an order: what it sends is attributed to both. */
  within<T>(fn: string, correlationId: string | undefined, work: () => T): T {
    return this.#invocation.run({ fn, correlationId }, work);
  }

  /** Forgets everything recorded so far (after the set-up of a run). */
  reset(): void {
    this.records.length = 0;
    this.written.length = 0;
  }

  attach(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = String(context.commandName ?? '');
        const kind = WRITES.has(operation) ? 'write' : READS.has(operation) ? 'read' : undefined;
        if (kind === undefined) return next(args);
        const input = args.input as RequestInput;
        input.ReturnConsumedCapacity = 'TOTAL';
        const result = await next(args);
        this.#record(operation, kind, input, result.output as { ConsumedCapacity?: unknown });
        return result;
      },
      { step: 'initialize', name: 'agentbridgeCapacityMeter', priority: 'low' },
    );
  }

  #record(
    operation: string,
    kind: 'read' | 'write',
    input: RequestInput,
    output: { ConsumedCapacity?: unknown },
  ): void {
    const consumed = output.ConsumedCapacity;
    const entries = (
      Array.isArray(consumed) ? consumed : consumed === undefined ? [] : [consumed]
    ) as ConsumedCapacity[];
    const items = (input.TransactItems ?? []).flatMap((entry) => Object.values(entry));
    if (input.TableName !== undefined)
      items.push({ TableName: input.TableName, Item: input.Item, Key: input.Key });
    const puts = [
      ...(operation === 'PutItemCommand' ? [input] : []),
      ...(input.TransactItems ?? []).flatMap((entry) => (entry.Put === undefined ? [] : [entry.Put])),
    ];
    for (const put of puts) {
      if (put.TableName !== undefined && put.Item !== undefined)
        this.written.push({ table: put.TableName, item: marshalled(put.Item) });
    }
    for (const entry of entries) {
      const table = entry.TableName ?? input.TableName ?? 'unknown';
      const keys = items
        .filter((item) => item.TableName === table)
        .map((item) => keyValue(item.Item ?? item.Key, this.#partitionKeys, table))
        .filter((key): key is string => key !== undefined);
      this.records.push({
        table,
        operation,
        kind,
        units: entry.CapacityUnits ?? 0,
        fn: this.#invocation.getStore()?.fn,
        correlationId: this.#invocation.getStore()?.correlationId,
        keys,
      });
    }
  }
}
