import type { TableDefinition } from '../table-definition.js';

/**
 * Attribute names of the users table (the users agent's own table; its events live in the event store).
 * Three item kinds share it, all under `pk`/`sk`:
 * - email claim: `pk = email#<normalized email>`, `sk = claim`: who holds the address (uniqueness without a
 *   scan: created with `attribute_not_exists(pk)`);
 * - registration: `pk = user#<userId>`, `sk = registration`: the user id is taken; the projection's rebuild
 *   enumerates these (GSI `list`, `listPk = registration`);
 * - read model row: `pk = user#<userId>`, `sk = profile`: the projection's view, `version` = its checkpoint
 *   (GSI `list`, `listPk = profile`, ordered by user id).
 * No TTL: claims and registrations must survive, and the read model is rebuilt, not expired.
 */
export const USERS_ATTRIBUTES = {
  pk: 'pk',
  sk: 'sk',
  /** GSI `list` partition: `profile` or `registration` (one partition each; ~1,000 writes/s ceiling). */
  listPk: 'listPk',
  /** GSI `list` sort key: the user id. */
  listSk: 'listSk',
  userId: 'userId',
  /** Claim: the address as normalized. Profile: as the user gave it. */
  email: 'email',
  name: 'name',
  phone: 'phone',
  status: 'status',
  /** Profile: the user stream version it reflects (the projection's checkpoint). */
  version: 'version',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  /** Claim / registration: when it was written, epoch milliseconds (stale-claim healing compares it). */
  claimedAtMs: 'claimedAtMs',
} as const;

export const USERS_SORT_KEYS = { claim: 'claim', registration: 'registration', profile: 'profile' } as const;
export const USERS_LIST_PARTITIONS = { profile: 'profile', registration: 'registration' } as const;
export const USERS_LIST_INDEX = 'list';

/** Partition key of an email claim. */
export const emailClaimKey = (normalizedEmail: string): string => `email#${normalizedEmail}`;
/** Partition key of a user's registration and read model row. */
export const userKey = (userId: string): string => `user#${userId}`;

/**
 * The users agent's table: email uniqueness claims, user id registrations and the CQRS read model.
 *
 * @example
 * ```ts
 * const tableName = process.env[USERS_TABLE.envVar] ?? USERS_TABLE.localName;
 * ```
 */
export const USERS_TABLE: TableDefinition = {
  id: 'Users',
  envVar: 'AGENTBRIDGE_USERS_TABLE_NAME',
  localName: 'agentbridge-users',
  partitionKey: { name: USERS_ATTRIBUTES.pk, type: 'S' },
  sortKey: { name: USERS_ATTRIBUTES.sk, type: 'S' },
  globalSecondaryIndexes: [
    {
      indexName: USERS_LIST_INDEX,
      partitionKey: { name: USERS_ATTRIBUTES.listPk, type: 'S' },
      sortKey: { name: USERS_ATTRIBUTES.listSk, type: 'S' },
      projection: 'ALL',
    },
  ],
};
