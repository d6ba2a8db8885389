import { randomUUID } from 'node:crypto';
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { CorruptItemError, StoreUnavailableError } from '../../store-errors.js';
import {
  type CandidateStats,
  type CompatibilityModel,
  NO_HISTORY,
  type RoutingHistoryStore,
  type RoutingOutcome,
} from '../routing-history.js';

export interface DynamoDbRoutingHistoryOptions {
  readonly documentClient: DynamoDBDocumentClient;
  /** The deployed table (`process.env[ROUTING_HISTORY_TABLE.envVar]`; `ROUTING_HISTORY_TABLE.localName` offline). */
  readonly tableName: string;
}

const STORE = 'routing-history';
const META = 'meta';
const candidateItem = (candidate: string) => `candidate#${candidate}`;
const outcomeItem = (at: number) => `outcome#${String(at).padStart(15, '0')}#${randomUUID()}`;
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

/**
 * A router's history on DynamoDB (`ROUTING_HISTORY_TABLE`), shared by every container: counters by atomic
 * ADD on each candidate's item, outcomes as items sorted by time (a Query reads the newest), the model as
 * JSON on the `meta` item; trimming deletes the oldest outcomes in batches (IAM: `TABLE_ACTIONS.routingHistory`).
 *
 * @example
 * ```ts
 * const history = new DynamoDbRoutingHistory({ documentClient, tableName: wiring.tableName(ROUTING_HISTORY_TABLE) });
 * ```
 */
export class DynamoDbRoutingHistory implements RoutingHistoryStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(options: DynamoDbRoutingHistoryOptions) {
    this.#client = options.documentClient;
    this.#tableName = options.tableName;
  }

  async statsOf(router: string, candidates: readonly string[]): Promise<ReadonlyMap<string, CandidateStats>> {
    const items = await this.#query(router, 'candidate#', undefined, true);
    const found = new Map(items.map((item) => [String(item.item).slice('candidate#'.length), item]));
    return new Map(
      candidates.map((candidate) => {
        const item = found.get(candidate);
        return [
          candidate,
          item === undefined
            ? NO_HISTORY
            : {
                count: num(item.count),
                successes: num(item.successes),
                totalDurationMs: num(item.totalDurationMs),
                inFlight: Math.max(0, num(item.inFlight)),
              },
        ];
      }),
    );
  }

  async begin(router: string, candidate: string): Promise<void> {
    await this.#send('begin', router, () =>
      this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { router, item: candidateItem(candidate) },
          UpdateExpression: 'ADD inFlight :one',
          ExpressionAttributeValues: { ':one': 1 },
        }),
      ),
    );
  }

  async finish(router: string, outcome: RoutingOutcome): Promise<{ readonly untrained: number }> {
    await this.#send('finish', router, async () => {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { router, item: candidateItem(outcome.candidate) },
          UpdateExpression: 'ADD #count :one, successes :success, totalDurationMs :ms, inFlight :minus',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':success': outcome.success ? 1 : 0,
            ':ms': Math.max(0, Math.round(outcome.durationMs)),
            ':minus': -1,
          },
        }),
      );
      await this.#client.send(
        new PutCommand({
          TableName: this.#tableName,
          Item: { router, item: outcomeItem(outcome.at), outcome: JSON.stringify(outcome) },
        }),
      );
    });
    const updated = await this.#send('finish', router, () =>
      this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { router, item: META },
          UpdateExpression: 'ADD untrained :one',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      ),
    );
    return { untrained: num(updated.Attributes?.untrained) };
  }

  async recent(router: string, limit: number): Promise<RoutingOutcome[]> {
    const items = await this.#query(router, 'outcome#', limit, false);
    return items.map((item) => {
      try {
        return JSON.parse(String(item.outcome)) as RoutingOutcome;
      } catch (error) {
        throw new CorruptItemError(STORE, `${router}/${String(item.item)}`, 'the outcome is not JSON', {
          cause: error,
        });
      }
    });
  }

  async saveModel(router: string, model: CompatibilityModel, keep: number): Promise<void> {
    await this.#send('saveModel', router, () =>
      this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { router, item: META },
          UpdateExpression: 'SET model = :model, untrained = :zero',
          ExpressionAttributeValues: { ':model': JSON.stringify(model), ':zero': 0 },
        }),
      ),
    );
    const newestFirst = await this.#query(router, 'outcome#', undefined, false);
    const stale = newestFirst.slice(keep);
    for (let start = 0; start < stale.length; start += 25) {
      await this.#send('saveModel', router, () =>
        this.#client.send(
          new BatchWriteCommand({
            RequestItems: {
              [this.#tableName]: stale
                .slice(start, start + 25)
                .map((item) => ({ DeleteRequest: { Key: { router, item: item.item } } })),
            },
          }),
        ),
      );
    }
  }

  async model(router: string): Promise<CompatibilityModel | undefined> {
    const { Item } = await this.#send('model', router, () =>
      this.#client.send(
        new GetCommand({ TableName: this.#tableName, Key: { router, item: META }, ConsistentRead: true }),
      ),
    );
    if (typeof Item?.model !== 'string') return undefined;
    try {
      return JSON.parse(Item.model) as CompatibilityModel;
    } catch (error) {
      throw new CorruptItemError(STORE, `${router}/meta`, 'the model is not JSON', { cause: error });
    }
  }

  async #query(
    router: string,
    prefix: string,
    limit: number | undefined,
    forward: boolean,
  ): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.#send('query', router, () =>
        this.#client.send(
          new QueryCommand({
            TableName: this.#tableName,
            KeyConditionExpression: 'router = :router AND begins_with(#item, :prefix)',
            ExpressionAttributeNames: { '#item': 'item' },
            ExpressionAttributeValues: { ':router': router, ':prefix': prefix },
            ConsistentRead: true,
            ScanIndexForward: forward,
            ExclusiveStartKey: start,
            ...(limit === undefined ? {} : { Limit: limit - items.length }),
          }),
        ),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start !== undefined && (limit === undefined || items.length < limit));
    return items;
  }

  async #send<T>(operation: string, key: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new StoreUnavailableError(STORE, operation, { cause: error, key });
    }
  }
}
