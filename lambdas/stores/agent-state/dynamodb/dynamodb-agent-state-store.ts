import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { AGENT_STATE_ATTRIBUTES as A } from '../../../contracts/tables/agent-state-table.js';
import { CorruptItemError, StoreUnavailableError } from '../../store-errors.js';
import { StateVersionConflictError } from '../agent-state-error.js';
import { assertAgentStateType, formatAgentStateId, parseAgentStateId } from '../agent-state-id.js';
import type { AgentStateEntry, AgentStateStore, StoredAgentState } from '../agent-state-store.js';
import { type AppliedMessage, decodeAppliedMessages, encodeAppliedMessages } from '../applied-messages.js';
import { encodeAgentState } from '../encode-agent-state.js';

export interface DynamoDbAgentStateStoreOptions {
  readonly documentClient: DynamoDBDocumentClient;
  /** The deployed agent-state table (`process.env[AGENT_STATE_TABLE.envVar]`). */
  readonly tableName: string;
  /**
   * Items per Query page (`Limit`). Default: DynamoDB's own 1 MB pages. Small pages are for tests, to
   * exercise pagination without megabytes of data (DynamoDB Local does not enforce the 1 MB page limit).
   */
  readonly queryPageSize?: number;
}

/**
 * Agent state on DynamoDB: one item per agent, `agentType` (partition) + `agentKey` (sort), state as JSON
 * text, `version` checked by every write's condition, the applied-message log as JSON text in the same item
 * (one PutItem writes both). `list` is one Query per agent type. Reads are strongly
 * consistent, because a read is usually followed by a write conditioned on the version it returned.
 * IAM: dynamodb:GetItem, PutItem, DeleteItem, Query on the table.
 *
 * @example
 * ```ts
 * const store = new DynamoDbAgentStateStore({ documentClient, tableName: process.env[AGENT_STATE_TABLE.envVar] ?? '' });
 * ```
 */
export class DynamoDbAgentStateStore implements AgentStateStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #queryPageSize: number | undefined;

  constructor(options: DynamoDbAgentStateStoreOptions) {
    this.#client = options.documentClient;
    this.#tableName = options.tableName;
    this.#queryPageSize = options.queryPageSize;
  }

  async get(agentId: string): Promise<StoredAgentState | undefined> {
    const { agentType, agentKey } = parseAgentStateId(agentId);
    const { Item } = await this.#send('get', () =>
      this.#client.send(
        new GetCommand({
          TableName: this.#tableName,
          Key: { [A.agentType]: agentType, [A.agentKey]: agentKey },
          ConsistentRead: true,
        }),
      ),
    );
    if (Item === undefined) return undefined;
    return { ...decode(agentId, Item), applied: decodeAppliedMessages(agentId, Item[A.applied]) };
  }

  async put(
    agentId: string,
    state: unknown,
    expectedVersion: number,
    applied: readonly AppliedMessage[] = [],
  ): Promise<number> {
    const { agentType, agentKey } = parseAgentStateId(agentId);
    const json = encodeAgentState(agentId, state, expectedVersion);
    const appliedJson = encodeAppliedMessages(agentId, applied);
    const version = expectedVersion + 1;
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#tableName,
          Item: {
            [A.agentType]: agentType,
            [A.agentKey]: agentKey,
            [A.version]: version,
            [A.state]: json,
            [A.applied]: appliedJson,
            [A.updatedAt]: new Date().toISOString(),
          },
          // Version 0 means "no state yet": the key must be absent. Otherwise the stored version must be the
          // one the caller read, which makes read-modify-write safe without a lock.
          ...(expectedVersion === 0
            ? {
                ConditionExpression: 'attribute_not_exists(#key)',
                ExpressionAttributeNames: { '#key': A.agentKey },
              }
            : {
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: { '#version': A.version },
                ExpressionAttributeValues: { ':expected': expectedVersion },
              }),
          // The losing writer learns the version it lost to without a second read.
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new StateVersionConflictError(agentId, expectedVersion, storedVersion(error), { cause: error });
      }
      throw new StoreUnavailableError('agent-state', 'put', { cause: error });
    }
    return version;
  }

  async list(agentTypes: readonly string[]): Promise<AgentStateEntry[]> {
    for (const agentType of agentTypes) assertAgentStateType(agentType);
    const entries: AgentStateEntry[] = [];
    for (const agentType of new Set(agentTypes)) {
      let exclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await this.#send('list', () =>
          this.#client.send(
            new QueryCommand({
              TableName: this.#tableName,
              KeyConditionExpression: '#type = :type',
              ExpressionAttributeNames: { '#type': A.agentType },
              ExpressionAttributeValues: { ':type': agentType },
              ConsistentRead: true,
              ExclusiveStartKey: exclusiveStartKey,
              Limit: this.#queryPageSize,
            }),
          ),
        );
        for (const item of page.Items ?? []) {
          const agentId = formatAgentStateId({ agentType, agentKey: String(item[A.agentKey]) });
          entries.push({ agentId, ...decode(agentId, item) });
        }
        exclusiveStartKey = page.LastEvaluatedKey;
      } while (exclusiveStartKey !== undefined);
    }
    return entries;
  }

  async delete(agentId: string): Promise<void> {
    const { agentType, agentKey } = parseAgentStateId(agentId);
    await this.#send('delete', () =>
      this.#client.send(
        new DeleteCommand({
          TableName: this.#tableName,
          Key: { [A.agentType]: agentType, [A.agentKey]: agentKey },
        }),
      ),
    );
  }

  async #send<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new StoreUnavailableError('agent-state', operation, { cause: error });
    }
  }
}

const decode = (agentId: string, item: Record<string, unknown>): { state: unknown; version: number } => {
  const json = item[A.state];
  const version = item[A.version];
  if (typeof json !== 'string')
    throw new CorruptItemError('agent-state', agentId, `"${A.state}" is not a string`);
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    throw new CorruptItemError('agent-state', agentId, `"${A.version}" is not a positive integer`);
  }
  try {
    return { state: JSON.parse(json), version };
  } catch (error) {
    throw new CorruptItemError('agent-state', agentId, `"${A.state}" is not JSON`, { cause: error });
  }
};

/** The version in the item returned by a failed condition (the client leaves it marshalled); none = 0. */
const storedVersion = (error: ConditionalCheckFailedException): number | undefined => {
  if (error.Item === undefined) return 0;
  const version = Number(error.Item[A.version]?.N);
  return Number.isSafeInteger(version) ? version : undefined;
};
