import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { type PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { UnresolvedSubstitutionError } from './infra-error.js';

export interface AgentStateMachineProps {
  /** Absolute path of the `*.asl.json` file (JSONPath ASL with `${Placeholder}` substitutions). */
  readonly definitionFile: string;
  /** Physical name (see `stateMachineNameFor`): the starter and the lifecycle agent address it by ARN. */
  readonly stateMachineName: string;
  /** A value for every `${Placeholder}` of the file; a missing one fails the synth. */
  readonly definitionSubstitutions: Readonly<Record<string, string>>;
  /**
   * What the machine's tasks call. CDK cannot see into a string definition, so every grant is explicit:
   * `lambda:InvokeFunction` on the task functions, `events:PutEvents` on the bus, and so on.
   */
  readonly policyStatements: readonly PolicyStatement[];
  /** STANDARD (default: long waits, exactly-once steps) or EXPRESS (short idempotent steps, at most 5 minutes). */
  readonly type?: 'STANDARD' | 'EXPRESS';
}

const PLACEHOLDER = /\$\{([A-Za-z0-9_]+)\}/g;

/** Every distinct `${Name}` placeholder of an ASL text. */
export function aslPlaceholders(definition: string): string[] {
  return [...new Set([...definition.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))];
}

/**
 * A Standard or Express state machine from an ASL file of `statemachines/`, loaded inline with
 * `DefinitionBody.fromString` (so the template carries the definition and tests can read it) plus
 * `definitionSubstitutions` for ARNs and names. Logs ERROR events only, without execution data, to its own
 * log group: inputs and outputs carry card tokens, e-mail addresses, names and task tokens, which must never
 * reach a log. X-Ray tracing on, an own role holding only the grants passed in.
 *
 * @example
 * ```ts
 * new AgentStateMachine(this, 'OrderSaga', {
 *   definitionFile: projectPath('statemachines/order-saga.asl.json'),
 *   stateMachineName: stateMachineNameFor(this, 'order-saga'),
 *   definitionSubstitutions: { ValidateUserFunctionArn: usersArn },
 *   policyStatements: [new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [usersArn] })],
 * });
 * ```
 */
export class AgentStateMachine extends Construct {
  readonly stateMachine: StateMachine;
  readonly logGroup: LogGroup;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: AgentStateMachineProps) {
    super(scope, id);
    const definition = readFileSync(props.definitionFile, 'utf8');
    const missing = aslPlaceholders(definition).filter((name) => !(name in props.definitionSubstitutions));
    if (missing.length > 0) throw new UnresolvedSubstitutionError(basename(props.definitionFile), missing);

    // The /aws/vendedlogs/ prefix keeps Step Functions from growing the account's CloudWatch Logs resource
    // policy per log group (it has a 5,120-character limit).
    this.logGroup = new LogGroup(this, 'LogGroup', {
      logGroupName: `/aws/vendedlogs/states/${props.stateMachineName}`,
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('states.amazonaws.com') });
    for (const statement of props.policyStatements) this.role.addToPrincipalPolicy(statement);

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: props.stateMachineName,
      stateMachineType: props.type === 'EXPRESS' ? StateMachineType.EXPRESS : StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromString(definition),
      definitionSubstitutions: { ...props.definitionSubstitutions },
      role: this.role,
      logs: { destination: this.logGroup, level: LogLevel.ERROR, includeExecutionData: false },
      tracingEnabled: true,
    });

    Validations.of(this.stateMachine).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SF1',
      reason:
        'Logging ALL events would write every state input and output (card tokens, e-mail addresses, names, ' +
        'task tokens) or, without execution data, pay for a log event per transition: ERROR events name the ' +
        'failed execution and state, which is what an operator needs to redrive it.',
    });
    for (const resource of describedExecutions(props.policyStatements)) {
      Validations.of(this.role).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::${nagResourceName(Stack.of(this), resource)}]`,
        reason:
          'The executions looked up are named by order id, known only at run time: the grant is ' +
          'states:DescribeExecution alone (no start, stop or history) on the executions of one state machine.',
      });
    }
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'Step Functions log delivery (logs:CreateLogDelivery, logs:PutResourcePolicy, ...) and X-Ray ' +
        '(xray:PutTraceSegments, xray:GetSamplingRules, ...) support no resource-level permissions; AWS ' +
        'requires Resource "*" for them. Task grants (Lambda, EventBridge, DynamoDB) name their resources.',
    });
  }
}

/** The execution ARN patterns the machine's role may describe (`states:DescribeExecution`). */
const describedExecutions = (statements: readonly PolicyStatement[]): string[] =>
  statements
    .filter((statement) => statement.actions.includes('states:DescribeExecution'))
    .flatMap((statement) => statement.resources);

/** A resource as cdk-nag names it in a finding: `Ref`s of a joined ARN become `<Name>`. */
function nagResourceName(stack: Stack, resource: string): string {
  const resolved: unknown = stack.resolve(resource);
  if (typeof resolved === 'string') return resolved;
  const join = (resolved as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join === undefined) return resource;
  return join[1]
    .map((part) =>
      typeof part === 'string' ? part : `<${String((part as { Ref?: unknown }).Ref ?? 'unknown')}>`,
    )
    .join(join[0]);
}
