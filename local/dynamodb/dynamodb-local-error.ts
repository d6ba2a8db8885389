import { AgentbridgeError } from '../../lambdas/contracts/agentbridge-error.js';

/** `java` is not on PATH; the message is one line a developer can act on. */
export class JavaMissingError extends AgentbridgeError {
  override readonly name = 'JavaMissingError';
  constructor(options?: { cause?: unknown }) {
    super(
      'JAVA_MISSING',
      'DynamoDB Local needs Java 17 and `java` is not on PATH: install it with `apt-get install openjdk-17-jre-headless` (.ci/run does this).',
      options,
    );
  }
}

/** The jar could not be fetched or extracted into the cache. */
export class DynamoDbLocalFetchError extends AgentbridgeError {
  override readonly name = 'DynamoDbLocalFetchError';
  readonly emulatorDir: string;

  constructor(emulatorDir: string, message: string, options?: { cause?: unknown }) {
    super('DYNAMODB_LOCAL_FETCH_FAILED', message, options);
    this.emulatorDir = emulatorDir;
  }
}

/** The Java process exited, or did not answer ListTables, before the start deadline. */
export class DynamoDbLocalStartError extends AgentbridgeError {
  override readonly name = 'DynamoDbLocalStartError';
  readonly port: number;
  readonly output: string;

  constructor(port: number, message: string, output: string, options?: { cause?: unknown }) {
    super('DYNAMODB_LOCAL_START_FAILED', `${message}${output === '' ? '' : `\n${output}`}`, options);
    this.port = port;
    this.output = output;
  }
}

/** CreateTable or UpdateTimeToLive failed for one contract table. */
export class TableCreationError extends AgentbridgeError {
  override readonly name = 'TableCreationError';
  readonly tableName: string;

  constructor(tableName: string, options?: { cause?: unknown }) {
    super('TABLE_CREATION_FAILED', `creating table ${tableName} failed: ${String(options?.cause)}`, options);
    this.tableName = tableName;
  }
}
