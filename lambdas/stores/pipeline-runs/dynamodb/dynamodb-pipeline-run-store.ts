import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { CorruptItemError, StoreUnavailableError } from '../../store-errors.js';
import {
  assertRunId,
  encodePipelineRun,
  InvalidPipelineRunError,
  type PipelineRun,
  PipelineRunConflictError,
  PipelineRunSchema,
  type PipelineRunStore,
} from '../pipeline-run.js';

export interface DynamoDbPipelineRunStoreOptions {
  readonly documentClient: DynamoDBDocumentClient;
  /** The deployed table (`process.env[PIPELINE_RUNS_TABLE.envVar]`; `PIPELINE_RUNS_TABLE.localName` offline). */
  readonly tableName: string;
}

const STORE = 'pipeline-runs';

/**
 * Pipeline runs on DynamoDB (`PIPELINE_RUNS_TABLE`): one item per run, `{ runId, version, run }` with the
 * run as a JSON string (byte-exact, its size known), a consistent GetItem to load and a PutItem conditioned on
 * the previous version to save (IAM: `TABLE_ACTIONS.pipelineRuns`). A lost condition is a
 * {@link PipelineRunConflictError}; SDK failures are {@link StoreUnavailableError} (transient).
 *
 * @example
 * ```ts
 * const runs = new DynamoDbPipelineRunStore({ documentClient, tableName: wiring.tableName(PIPELINE_RUNS_TABLE) });
 * ```
 */
export class DynamoDbPipelineRunStore implements PipelineRunStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(options: DynamoDbPipelineRunStoreOptions) {
    this.#client = options.documentClient;
    this.#tableName = options.tableName;
  }

  async load(runId: string): Promise<PipelineRun | undefined> {
    assertRunId(runId);
    let item: Record<string, unknown> | undefined;
    try {
      ({ Item: item } = await this.#client.send(
        new GetCommand({ TableName: this.#tableName, Key: { runId }, ConsistentRead: true }),
      ));
    } catch (error) {
      throw new StoreUnavailableError(STORE, 'load', { cause: error, key: runId });
    }
    if (item === undefined) return undefined;
    let run: unknown;
    try {
      run = JSON.parse(String(item.run));
    } catch {
      throw new CorruptItemError(STORE, runId, '"run" is not JSON');
    }
    const parsed = PipelineRunSchema.safeParse(run);
    if (!parsed.success || parsed.data.version !== item.version) {
      throw new CorruptItemError(STORE, runId, 'the stored run does not match its schema or version');
    }
    return parsed.data;
  }

  async save(run: PipelineRun): Promise<void> {
    const stored = encodePipelineRun(run);
    const first = stored.version === 1;
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#tableName,
          Item: { runId: stored.runId, version: stored.version, run: JSON.stringify(stored) },
          ConditionExpression: first ? 'attribute_not_exists(runId)' : 'version = :previous',
          ...(first ? {} : { ExpressionAttributeValues: { ':previous': stored.version - 1 } }),
        }),
      );
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'ConditionalCheckFailedException') {
        throw new PipelineRunConflictError(stored.runId, stored.version, { cause: error });
      }
      // The same run is refused again on every retry (over 400 KB): not worth one.
      if (name === 'ValidationException') {
        throw new InvalidPipelineRunError(stored.runId, (error as Error).message, { cause: error });
      }
      throw new StoreUnavailableError(STORE, 'save', { cause: error, key: stored.runId });
    }
  }
}
