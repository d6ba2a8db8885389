import { type DynamoDbAccess, dynamoDbAccessOf } from './dynamodb-command-access.js';

/** What a set of recording clients saw: every IAM action each command needed, in call order. */
export class DynamoDbAccessLog {
  readonly #accesses: DynamoDbAccess[] = [];

  record(command: unknown): void {
    this.#accesses.push(...dynamoDbAccessOf(command));
  }

  /** The distinct IAM actions, sorted. */
  actions(): string[] {
    return [...new Set(this.#accesses.map((access) => access.action))].sort();
  }

  /** The distinct tables any action touched, sorted. */
  tables(): string[] {
    return [...new Set(this.#accesses.map((access) => access.table))].sort();
  }
}

/**
 * The same SDK client (document or low-level) with `send` wrapped: each command is logged as the IAM actions
 * it needs before it goes out, so a call DynamoDB rejects (a failed condition) is logged too, as IAM would
 * check it. Everything else is the wrapped client's own, so adapters run exactly as deployed.
 *
 * @example
 * ```ts
 * const log = new DynamoDbAccessLog();
 * const store = new DynamoDbPaymentStore({ documentClient: recordingDynamoDbClient(documentClient, log), tableName });
 * await store.charge('saga-1');
 * log.actions(); // ['dynamodb:GetItem']
 * ```
 */
export const recordingDynamoDbClient = <C extends object>(client: C, log: DynamoDbAccessLog): C =>
  new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property !== 'send' || typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        log.record(args[0]);
        return Reflect.apply(value, target, args);
      };
    },
  });
