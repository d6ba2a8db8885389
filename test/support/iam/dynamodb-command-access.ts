/** One IAM-authorised DynamoDB action a command performs, and the table it performs it on. */
export interface DynamoDbAccess {
  /** IAM action, e.g. `dynamodb:PutItem`. */
  readonly action: string;
  readonly table: string;
}

/** Commands IAM authorises as one action on one table (document client and low-level client names). */
const SINGLE_ACTIONS: Readonly<Record<string, string>> = {
  GetCommand: 'dynamodb:GetItem',
  GetItemCommand: 'dynamodb:GetItem',
  PutCommand: 'dynamodb:PutItem',
  PutItemCommand: 'dynamodb:PutItem',
  UpdateCommand: 'dynamodb:UpdateItem',
  UpdateItemCommand: 'dynamodb:UpdateItem',
  DeleteCommand: 'dynamodb:DeleteItem',
  DeleteItemCommand: 'dynamodb:DeleteItem',
  QueryCommand: 'dynamodb:Query',
  ScanCommand: 'dynamodb:Scan',
};

/** Batch commands: one action, authorised on every table named in `RequestItems`. */
const BATCH_ACTIONS: Readonly<Record<string, string>> = {
  BatchGetCommand: 'dynamodb:BatchGetItem',
  BatchGetItemCommand: 'dynamodb:BatchGetItem',
  BatchWriteCommand: 'dynamodb:BatchWriteItem',
  BatchWriteItemCommand: 'dynamodb:BatchWriteItem',
};

/** Transactions have no IAM action of their own: IAM authorises each contained item as its own action. */
const TRANSACTIONS = new Set([
  'TransactWriteCommand',
  'TransactWriteItemsCommand',
  'TransactGetCommand',
  'TransactGetItemsCommand',
]);
const TRANSACT_ITEM_ACTIONS: Readonly<Record<string, string>> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
  Get: 'dynamodb:GetItem',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const tableOf = (input: Record<string, unknown>, what: string): string => {
  const table = input.TableName;
  if (typeof table !== 'string') throw new Error(`${what} names no TableName`);
  return table;
};

const transactionAccess = (name: string, input: Record<string, unknown>): DynamoDbAccess[] => {
  const items = input.TransactItems;
  if (!Array.isArray(items)) throw new Error(`${name} has no TransactItems`);
  return items.flatMap((item: unknown) => {
    if (!isRecord(item)) throw new Error(`${name} holds a non-object item`);
    return Object.entries(item).map(([kind, operation]) => {
      const action = TRANSACT_ITEM_ACTIONS[kind];
      if (action === undefined || !isRecord(operation)) throw new Error(`${name} holds an unknown "${kind}"`);
      return { action, table: tableOf(operation, `${name} ${kind}`) };
    });
  });
};

/**
 * The IAM actions a DynamoDB SDK command needs, as IAM evaluates them: `PutCommand` → `dynamodb:PutItem`,
 * a `TransactWriteCommand` → one action per contained Put/Update/Delete/ConditionCheck. A command this does
 * not know throws, so a new kind of call cannot slip past the grant check unrecorded.
 *
 * @example
 * ```ts
 * dynamoDbAccessOf(new PutCommand({ TableName: 't', Item: { pk: 'a' } })); // [{ action: 'dynamodb:PutItem', table: 't' }]
 * ```
 */
export const dynamoDbAccessOf = (command: unknown): DynamoDbAccess[] => {
  if (!isRecord(command) || !isRecord(command.input)) throw new Error('not an SDK command');
  const name = Reflect.getPrototypeOf(command)?.constructor.name ?? 'unnamed';
  const input = command.input;
  const single = SINGLE_ACTIONS[name];
  if (single !== undefined) return [{ action: single, table: tableOf(input, name) }];
  const batch = BATCH_ACTIONS[name];
  if (batch !== undefined) {
    if (!isRecord(input.RequestItems)) throw new Error(`${name} has no RequestItems`);
    return Object.keys(input.RequestItems).map((table) => ({ action: batch, table }));
  }
  if (TRANSACTIONS.has(name)) return transactionAccess(name, input);
  throw new Error(`no IAM mapping for DynamoDB command ${name}`);
};
