import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  paginateScan,
} from '@aws-sdk/client-dynamodb';
import type { Logger } from '../../../lambdas/contracts/logger.js';
import type { LocalClock } from '../local-clock.js';
import type { LocalJournal } from '../local-cloud-ports.js';
import type { LocalTable } from '../local-deployment.js';

/** AWS leaves an item whose expiry lies more than five years in the past: such a value is not a TTL. */
const FIVE_YEARS_S = 5 * 365 * 24 * 3600;

export interface TtlSweeperOptions {
  readonly client: DynamoDBClient;
  readonly tables: readonly LocalTable[];
  readonly clock: LocalClock;
  readonly journal: LocalJournal;
  readonly logger: Logger;
  /** How often, on the clock, a pass runs (default one minute). */
  readonly intervalMs?: number;
}

/**
 * Time to live on the local cloud's clock. DynamoDB Local expires items by wall time, so a test that moves the
 * virtual clock days ahead would never see them go; the sweeper deletes, once a minute of virtual time, every
 * item whose TTL attribute (a Number, epoch seconds, at most five years past) the clock has passed, so the
 * table's stream carries the REMOVE record a stream consumer expects. Unlike AWS, the deletion is an ordinary
 * DeleteItem: the stream record has no `userIdentity` of the DynamoDB service, it happens within a minute of
 * virtual time rather than within AWS's few days, and reads before it still return the expired item (as on
 * AWS, whose readers must filter on the attribute). DynamoDB Local keeps deleting by wall time as well, so a
 * clock started in the past sees items go as soon as their expiry has passed in real time.
 */
export class TtlSweeper {
  readonly #options: TtlSweeperOptions;
  readonly #tables: readonly (LocalTable & { readonly timeToLiveAttribute: string })[];
  #pass: Promise<void> | undefined;
  #again = false;
  #cancel: () => void = () => undefined;

  constructor(options: TtlSweeperOptions) {
    this.#options = options;
    this.#tables = options.tables.filter(
      (table): table is LocalTable & { readonly timeToLiveAttribute: string } =>
        table.timeToLiveAttribute !== undefined,
    );
    if (this.#tables.length > 0) this.#arm();
  }

  /** Runs a pass now (or after the running one); resolves once no pass is running. */
  sweep(): Promise<void> {
    if (this.#pass !== undefined) {
      this.#again = true;
      return this.idle();
    }
    this.#pass = (async () => {
      do {
        this.#again = false;
        await this.#sweepOnce();
      } while (this.#again);
    })().finally(() => {
      this.#pass = undefined;
    });
    return this.#pass;
  }

  /** Resolves once the passes the clock has started are done, e.g. after `clock.advance('3d')`. */
  async idle(): Promise<void> {
    while (this.#pass !== undefined) await this.#pass;
  }

  async close(): Promise<void> {
    this.#cancel();
    await this.idle();
  }

  #arm(): void {
    this.#cancel = this.#options.clock.schedule(() => {
      this.#arm();
      void this.sweep();
    }, this.#options.intervalMs ?? 60_000);
  }

  async #sweepOnce(): Promise<void> {
    const nowS = Math.floor(this.#options.clock.now() / 1000);
    await Promise.all(
      this.#tables.map((table) =>
        this.#sweepTable(table, nowS).catch((error: unknown) =>
          this.#options.logger.warn('the TTL sweep of a local table failed; the next pass tries again', {
            table: table.tableName,
            error: String(error),
          }),
        ),
      ),
    );
  }

  async #sweepTable(
    table: LocalTable & { readonly timeToLiveAttribute: string },
    nowS: number,
  ): Promise<void> {
    const { client } = this.#options;
    const keys = table.keySchema.map((key) => key.attributeName);
    const names = Object.fromEntries([table.timeToLiveAttribute, ...keys].map((name, i) => [`#a${i}`, name]));
    const pages = paginateScan(
      { client },
      {
        TableName: table.tableName,
        ProjectionExpression: Object.keys(names).join(', '),
        FilterExpression: 'attribute_type(#a0, :number) AND #a0 <= :now AND #a0 >= :floor',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: {
          ':number': { S: 'N' },
          ':now': { N: String(nowS) },
          ':floor': { N: String(nowS - FIVE_YEARS_S) },
        },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) await this.#expire(table, keys, item);
    }
  }

  async #expire(
    table: LocalTable & { readonly timeToLiveAttribute: string },
    keys: readonly string[],
    item: Record<string, AttributeValue>,
  ): Promise<void> {
    const key = Object.fromEntries(keys.map((name) => [name, item[name] as AttributeValue]));
    try {
      // Only the expiry seen: an item given a new TTL since the scan stays.
      await this.#options.client.send(
        new DeleteItemCommand({
          TableName: table.tableName,
          Key: key,
          ConditionExpression: '#ttl = :seen',
          ExpressionAttributeNames: { '#ttl': table.timeToLiveAttribute },
          ExpressionAttributeValues: { ':seen': item[table.timeToLiveAttribute] as AttributeValue },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return;
      throw error;
    }
    this.#options.journal.record({
      service: 'dynamodb',
      action: 'TtlExpired',
      resource: table.tableName,
      payload: JSON.stringify(key),
    });
  }
}
