import {
  IdempotencyItemAlreadyExistsError,
  IdempotencyItemNotFoundError,
  IdempotencyRecordStatus,
} from '@aws-lambda-powertools/idempotency';
import { BasePersistenceLayer, IdempotencyRecord } from '@aws-lambda-powertools/idempotency/persistence';
import type { IdempotencyRecordOptions } from '@aws-lambda-powertools/idempotency/types';

/**
 * Powertools idempotency records in a Map, for tests, benchmarks and the in-process demo. It applies the same
 * condition as the DynamoDB layer's PutItem (a record may be replaced only when absent, expired, or in
 * progress past its in-progress expiry) and copies response data through JSON, as DynamoDB would.
 *
 * @example
 * ```ts
 * const handler = agentHandler({ …, deps: { …, idempotency: new InMemoryPersistenceLayer() } });
 * ```
 */
export class InMemoryPersistenceLayer extends BasePersistenceLayer {
  /** Records as DynamoDB would hold them; the response is kept as JSON text and parsed back on read. */
  readonly #records = new Map<string, StoredRecord>();

  /** How many records are held (expired ones included, as in a table before TTL deletion). */
  get size(): number {
    return this.#records.size;
  }

  protected async _getRecord(idempotencyKey: string): Promise<IdempotencyRecord> {
    const stored = this.#records.get(idempotencyKey);
    if (stored === undefined) throw new IdempotencyItemNotFoundError();
    return toRecord(stored);
  }

  protected async _putRecord(record: IdempotencyRecord): Promise<void> {
    const stored = this.#records.get(record.idempotencyKey);
    if (stored !== undefined && !replaceable(stored)) {
      throw new IdempotencyItemAlreadyExistsError(
        `Failed to put record for already existing idempotency key: ${record.idempotencyKey}`,
        toRecord(stored),
      );
    }
    this.#records.set(record.idempotencyKey, toStored(record));
  }

  protected async _updateRecord(record: IdempotencyRecord): Promise<void> {
    this.#records.set(record.idempotencyKey, toStored(record));
  }

  protected async _deleteRecord(record: IdempotencyRecord): Promise<void> {
    this.#records.delete(record.idempotencyKey);
  }
}

interface StoredRecord {
  readonly idempotencyKey: string;
  readonly status: IdempotencyRecordOptions['status'];
  readonly expiryTimestamp: number | undefined;
  readonly inProgressExpiryTimestamp: number | undefined;
  readonly payloadHash: string | undefined;
  readonly responseJson: string | undefined;
}

function toStored(record: IdempotencyRecord): StoredRecord {
  return {
    idempotencyKey: record.idempotencyKey,
    status: record.getStatus(),
    expiryTimestamp: record.expiryTimestamp,
    inProgressExpiryTimestamp: record.inProgressExpiryTimestamp,
    payloadHash: record.payloadHash,
    responseJson: record.responseData === undefined ? undefined : JSON.stringify(record.responseData),
  };
}

function toRecord({ responseJson, ...stored }: StoredRecord): IdempotencyRecord {
  return new IdempotencyRecord({
    ...stored,
    responseData: responseJson === undefined ? undefined : JSON.parse(responseJson),
  });
}

/** The DynamoDB layer's PutItem condition: absent, expired, or in progress past its in-progress expiry. */
function replaceable(stored: StoredRecord): boolean {
  const now = Date.now();
  if (stored.expiryTimestamp !== undefined && stored.expiryTimestamp < now / 1000) return true;
  return (
    stored.status === IdempotencyRecordStatus.INPROGRESS &&
    stored.inProgressExpiryTimestamp !== undefined &&
    stored.inProgressExpiryTimestamp < now
  );
}
