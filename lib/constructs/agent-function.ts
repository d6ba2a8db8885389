import { Duration, Lazy, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { type PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ENV } from '../../lambdas/contracts/env-names.js';
import { sourceFor } from '../../lambdas/contracts/sources.js';
import type { TableAccess } from '../../lambdas/contracts/table-access.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { putEventsStatement } from './put-events-statement.js';
import { tablePolicyStatement } from './table-policy-statement.js';
import { NO_TRACE_CAPTURE, type TraceCapture, traceCaptureEnvironment } from './trace-capture-environment.js';

/** A table a function uses, and what it may do there. */
export interface TableBinding {
  readonly table: ITable;
  readonly access: TableAccess;
}

export interface AgentFunctionProps {
  /** Absolute path of the handler entry file. */
  readonly entry: string;
  readonly agentType: string;
  /** Physical name (see `functionNameFor`): other functions and state machines address it by name. */
  readonly functionName: string;
  readonly eventBus: IEventBus;
  /**
   * Agent type → function name, for `send`; written as JSON into `AGENTBRIDGE_AGENT_FUNCTIONS` at synth time,
   * so agents added after this function are included.
   */
  readonly agentFunctions: Readonly<Record<string, string>>;
  readonly tables: readonly TableBinding[];
  /** Extra statements: `lambda:InvokeFunction` on named functions, `states:*` on named machines, … */
  readonly policyStatements?: readonly PolicyStatement[];
  /** Whether the function publishes onto the bus (`events:PutEvents`). Default true. */
  readonly publishes?: boolean;
  readonly environment?: Readonly<Record<string, string>>;
  readonly timeout?: Duration;
  readonly memorySize?: number;
  readonly sendTimeout?: Duration;
  /**
   * Why a statement passed in `policyStatements` needs `Resource: "*"` (an action without resource-level
   * permissions, such as `states:SendTaskSuccess`). Added to the written cdk-nag acknowledgement.
   */
  readonly wildcardResourceReason?: string;
  /**
   * What the Powertools Tracer may copy into X-Ray (the handler's response, its thrown error). Default
   * {@link NO_TRACE_CAPTURE}: neither, since responses and errors may carry personal data or task tokens.
   */
  readonly traceCapture?: TraceCapture;
}

/**
 * Node.js 22, pinned on purpose: the code is built and tested on the Node 20/22 line (the offline Step
 * Functions engine needs 22), so that is what runs in Lambda. cdk-nag's L1 wants the newest family (24); the
 * acknowledgement below says why not yet. Moving up is this constant and the esbuild target.
 */
export const AGENT_RUNTIME = Runtime.NODEJS_22_X;
const ESBUILD_TARGET = 'node22';

/**
 * Loads `createRequire` into the ESM bundle: CommonJS dependencies bundled by esbuild call `require` for
 * Node built-ins, which an ES module does not define.
 */
const REQUIRE_SHIM =
  "import { createRequire as __agentbridgeCreateRequire } from 'node:module';" +
  'const require = __agentbridgeCreateRequire(import.meta.url);';

/**
 * How every function is bundled: an ES module for Node.js 22 built by the local esbuild, minified, with a
 * source map shipped next to it but not loaded at init (`local/stack-trace/resolve-stack-trace.ts` resolves
 * logged stacks offline), the AWS SDK bundled (the code runs against the SDK version it was tested with),
 * and class names kept, because error names are the wire contract: the saga's Catch matches Lambda's
 * `errorType` and `send` carries error names, and minification would rename `PaymentDeclinedError` to `s`.
 *
 * @example
 * ```ts
 * new NodejsFunction(this, 'Fn', { entry, bundling: AGENT_BUNDLING });
 * ```
 */
export const AGENT_BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  target: ESBUILD_TARGET,
  mainFields: ['module', 'main'],
  minify: true,
  keepNames: true,
  sourceMap: true,
  sourcesContent: false,
  externalModules: [],
  bundleAwsSDK: true,
  banner: REQUIRE_SHIM,
};

/**
 * One agent type's Lambda function with the project's defaults pinned: Node.js 22 ({@link AGENT_RUNTIME}),
 * arm64, an ESM bundle built by the local esbuild ({@link AGENT_BUNDLING}), its own log group with retention, X-Ray
 * tracing, and an SQS dead-letter queue as the on-failure destination of asynchronous invocations (and as
 * the place the handler records bad input). Its role gets exactly the table actions it is given.
 *
 * @example
 * ```ts
 * const payment = new AgentFunction(this, 'Payment', {
 *   entry: projectPath('lambdas/handlers/payment-handler.ts'), agentType: 'payment',
 *   functionName: functionNameFor('AgentBridge', 'payment'), eventBus: bus, agentFunctions: {},
 *   tables: [{ table: idempotency, access: { table: IDEMPOTENCY_TABLE, actions: TABLE_ACTIONS.idempotency } }],
 * });
 * ```
 */
export class AgentFunction extends Construct {
  readonly function: NodejsFunction;
  readonly deadLetterQueue: DeadLetterQueue;
  readonly role: Role;
  readonly logGroup: LogGroup;
  readonly agentType: string;

  constructor(scope: Construct, id: string, props: AgentFunctionProps) {
    super(scope, id);
    this.agentType = props.agentType;
    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetterQueue');
    this.logGroup = new LogGroup(this, 'LogGroup', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An own role instead of the managed AWSLambdaBasicExecutionRole: logs go to this one log group only.
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    this.logGroup.grantWrite(this.role);

    const tableEnvironment = Object.fromEntries(
      props.tables.map(({ table, access }) => [access.table.envVar, table.tableName]),
    );
    this.function = new NodejsFunction(this, 'Function', {
      functionName: props.functionName,
      entry: props.entry,
      handler: 'handler',
      runtime: AGENT_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      role: this.role,
      logGroup: this.logGroup,
      tracing: Tracing.ACTIVE,
      // No depsLockFilePath/projectRoot: NodejsFunction finds the lock file upwards from the working directory,
      // which is the project of whoever synthesizes (this repository, or a project installing agentbridge).
      bundling: AGENT_BUNDLING,
      // No NODE_OPTIONS=--enable-source-maps: parsing the multi-megabyte map at every cold start cost
      // 25–35 ms (far more on a busy host). Stack traces keep their names (keepNames) and bundle positions;
      // the map ships in the code for offline resolution (scripts/resolve-stack.ts).
      environment: {
        POWERTOOLS_SERVICE_NAME: props.agentType,
        POWERTOOLS_METRICS_NAMESPACE: 'agentbridge',
        [ENV.eventBusName]: props.eventBus.eventBusName,
        [ENV.eventSource]: sourceFor(props.agentType),
        [ENV.agentType]: props.agentType,
        [ENV.agentFunctions]: Lazy.string({ produce: () => JSON.stringify(props.agentFunctions) }),
        [ENV.sendTimeoutMs]: String((props.sendTimeout ?? Duration.seconds(20)).toMilliseconds()),
        [ENV.deadLetterQueueUrl]: this.deadLetterQueue.queueUrl,
        ...tableEnvironment,
        ...props.environment,
        // Last, so no other environment entry can turn capture back on.
        ...traceCaptureEnvironment(props.traceCapture ?? NO_TRACE_CAPTURE),
      },
      // Lambda retries a failed asynchronous invocation (an EventBridge delivery) twice, then records it here.
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.deadLetterQueue),
    });

    for (const binding of props.tables) this.role.addToPrincipalPolicy(tablePolicyStatement(binding));
    if (props.publishes ?? true) {
      this.role.addToPrincipalPolicy(putEventsStatement(props.eventBus, [sourceFor(props.agentType)]));
    }
    for (const statement of props.policyStatements ?? []) this.role.addToPrincipalPolicy(statement);

    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions::AwsSolutions-L1',
      reason:
        'Node.js 22 on purpose: the handlers are built and tested on the Node 20/22 line, and the ' +
        'offline Step Functions engine the tests use needs 22. Node.js 22 is an LTS line Lambda supports; the ' +
        'move to 24 is the AGENT_RUNTIME constant once the toolchain is tested there.',
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason: [
        'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level',
        'permissions, so AWS requires Resource "*" for them.',
        props.wildcardResourceReason,
        'Every other statement names its resources.',
      ]
        .filter((part) => part !== undefined)
        .join(' '),
    });
  }
}
