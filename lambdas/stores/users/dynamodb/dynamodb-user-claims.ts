import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  USERS_ATTRIBUTES as A,
  emailClaimKey,
  USERS_LIST_INDEX,
  USERS_LIST_PARTITIONS,
  USERS_SORT_KEYS,
  userKey,
} from '../../../contracts/tables/users-table.js';
import { CorruptItemError, StoreUnavailableError } from '../../store-errors.js';
import { decodeListCursor, encodeListCursor } from '../list-cursor.js';
import type { ClaimOutcome, EmailClaim, RegistrationPage, UserClaimsPort } from '../user-claims-port.js';

export interface DynamoDbUserClaimsOptions {
  readonly documentClient: DynamoDBDocumentClient;
  /** The deployed users table (`process.env[USERS_TABLE.envVar]`). */
  readonly tableName: string;
}

const claimKey = (email: string) => ({ [A.pk]: emailClaimKey(email), [A.sk]: USERS_SORT_KEYS.claim });
const isConditionFailure = (error: unknown): boolean => error instanceof ConditionalCheckFailedException;

/**
 * Email claims and registrations on DynamoDB (see `USERS_TABLE`). Every write is conditional: a claim or a
 * registration is created only if absent, a takeover only if the stale claim is unchanged, a release only by
 * its holder. Claim reads are strongly consistent; the registration listing reads the `list` GSI (eventually
 * consistent: a rebuild started right after a create may miss it, and the live projection covers it).
 * IAM: dynamodb:GetItem, PutItem, DeleteItem on the table, Query on the `list` index.
 *
 * @example
 * ```ts
 * const claims = new DynamoDbUserClaims({ documentClient, tableName: process.env[USERS_TABLE.envVar] ?? '' });
 * ```
 */
export class DynamoDbUserClaims implements UserClaimsPort {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(options: DynamoDbUserClaimsOptions) {
    this.#client = options.documentClient;
    this.#table = options.tableName;
  }

  async register(userId: string, atMs: number): Promise<{ created: boolean }> {
    const item = {
      [A.pk]: userKey(userId),
      [A.sk]: USERS_SORT_KEYS.registration,
      [A.userId]: userId,
      [A.listPk]: USERS_LIST_PARTITIONS.registration,
      [A.listSk]: userId,
      [A.claimedAtMs]: atMs,
    };
    return { created: await this.#putIf('register', item, 'attribute_not_exists(#pk)', { '#pk': A.pk }) };
  }

  async claimEmail(email: string, userId: string, atMs: number): Promise<ClaimOutcome> {
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const claim = { email, userId, claimedAtMs: atMs };
      if (await this.#putIf('claimEmail', claimItem(claim), 'attribute_not_exists(#pk)', { '#pk': A.pk })) {
        return { kind: 'claimed', claim };
      }
      const existing = await this.emailClaim(email);
      // Released between the failed put and this read: claim again.
      if (existing === undefined) continue;
      return existing.userId === userId
        ? { kind: 'claimed', claim: existing }
        : { kind: 'held', claim: existing };
    }
    throw new StoreUnavailableError('users', 'claimEmail', {
      cause: `claim of ${email} kept changing hands`,
    });
  }

  async takeOverEmail(email: string, stale: EmailClaim, userId: string, atMs: number): Promise<boolean> {
    return this.#putIf(
      'takeOverEmail',
      claimItem({ email, userId, claimedAtMs: atMs }),
      // Exactly the claim judged stale, not one written since: two takers cannot both win.
      '#userId = :staleUser AND #claimedAtMs = :staleAt',
      { '#userId': A.userId, '#claimedAtMs': A.claimedAtMs },
      { ':staleUser': stale.userId, ':staleAt': stale.claimedAtMs },
    );
  }

  async releaseEmail(email: string, userId: string): Promise<void> {
    try {
      await this.#client.send(
        new DeleteCommand({
          TableName: this.#table,
          Key: claimKey(email),
          // Only the holder frees an address; a release by anyone else is a no-op.
          ConditionExpression: '#userId = :userId',
          ExpressionAttributeNames: { '#userId': A.userId },
          ExpressionAttributeValues: { ':userId': userId },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error))
        throw new StoreUnavailableError('users', 'releaseEmail', { cause: error });
    }
  }

  async emailClaim(email: string): Promise<EmailClaim | undefined> {
    const { Item } = await this.#call('emailClaim', () =>
      this.#client.send(
        new GetCommand({ TableName: this.#table, Key: claimKey(email), ConsistentRead: true }),
      ),
    );
    if (Item === undefined) return undefined;
    const userId = Item[A.userId];
    const claimedAtMs = Item[A.claimedAtMs];
    if (typeof userId !== 'string' || typeof claimedAtMs !== 'number') {
      throw new CorruptItemError('users', emailClaimKey(email), 'claim lacks userId or claimedAtMs');
    }
    return { email, userId, claimedAtMs };
  }

  async registrations(options: { limit: number; cursor?: string }): Promise<RegistrationPage> {
    const listing = USERS_LIST_PARTITIONS.registration;
    // Decoded outside the call: a bad cursor is the caller's error, not an unavailable store.
    const start = options.cursor === undefined ? undefined : decodeListCursor(listing, options.cursor);
    const page = await this.#call('registrations', () =>
      this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          IndexName: USERS_LIST_INDEX,
          KeyConditionExpression: '#listPk = :listPk',
          ExpressionAttributeNames: { '#listPk': A.listPk },
          ExpressionAttributeValues: { ':listPk': listing },
          Limit: options.limit,
          ...(start === undefined ? {} : { ExclusiveStartKey: start }),
        }),
      ),
    );
    const userIds = (page.Items ?? []).map((item) => String(item[A.userId]));
    const next = page.LastEvaluatedKey;
    return next === undefined ? { userIds } : { userIds, cursor: encodeListCursor(listing, next) };
  }

  async #putIf(
    operation: string,
    item: Record<string, unknown>,
    condition: string,
    names: Record<string, string>,
    values?: Record<string, unknown>,
  ): Promise<boolean> {
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: item,
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ...(values === undefined ? {} : { ExpressionAttributeValues: values }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw new StoreUnavailableError('users', operation, { cause: error });
    }
  }

  async #call<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new StoreUnavailableError('users', operation, { cause: error });
    }
  }
}

const claimItem = (claim: EmailClaim): Record<string, unknown> => ({
  ...claimKey(claim.email),
  [A.email]: claim.email,
  [A.userId]: claim.userId,
  [A.claimedAtMs]: claim.claimedAtMs,
});
