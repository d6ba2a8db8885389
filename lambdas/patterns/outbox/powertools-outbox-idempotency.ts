import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { Context } from 'aws-lambda';
import type { OutboxIdempotency } from './outbox-idempotency.js';

/**
 * Records outlive the DynamoDB stream's 24 h retention, so a record redelivered at the last moment still
 * finds its marker: 25 hours.
 */
export const OUTBOX_IDEMPOTENCY_SECONDS = 25 * 60 * 60;

export interface PowertoolsOutboxIdempotencyOptions {
  /** `new DynamoDBPersistenceLayer({ tableName, awsSdkV3Client })` in Lambda; injected for tests. */
  readonly persistenceStore: BasePersistenceLayer;
  readonly expiresAfterSeconds?: number;
}

/**
 * Outbox idempotency on Powertools: the key is the event id (hashed by Powertools into the idempotency
 * table's partition key); a concurrent delivery of the same id fails with IdempotencyAlreadyInProgressError
 * and is retried by the stream, and a crashed invocation's in-progress marker expires with its remaining
 * time when `context` is given.
 *
 * @example
 * ```ts
 * const idempotency = new PowertoolsOutboxIdempotency({
 *   persistenceStore: new DynamoDBPersistenceLayer({ tableName: process.env[IDEMPOTENCY_TABLE.envVar] ?? '' }),
 * });
 * ```
 */
export class PowertoolsOutboxIdempotency implements OutboxIdempotency {
  readonly #config: IdempotencyConfig;
  readonly #publishOnce: (
    key: { readonly id: string },
    publish: () => Promise<void>,
  ) => Promise<{ id: string }>;

  constructor(options: PowertoolsOutboxIdempotencyOptions) {
    this.#config = new IdempotencyConfig({
      eventKeyJmesPath: 'id',
      expiresAfterSeconds: options.expiresAfterSeconds ?? OUTBOX_IDEMPOTENCY_SECONDS,
    });
    // Only the first argument ({ id }) is hashed; the publish action travels alongside it.
    this.#publishOnce = makeIdempotent(
      async (key: { readonly id: string }, publish: () => Promise<void>): Promise<{ id: string }> => {
        await publish();
        return { id: key.id };
      },
      { persistenceStore: options.persistenceStore, config: this.#config },
    );
  }

  async once(eventId: string, publish: () => Promise<void>, context?: Context): Promise<void> {
    if (context !== undefined) this.#config.registerLambdaContext(context);
    await this.#publishOnce({ id: eventId }, publish);
  }
}
