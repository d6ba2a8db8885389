import { ArnFormat, Stack, Token } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { InfraError } from './infra-error.js';

/**
 * Physical names of the functions and state machines. They are derived from a name prefix (by default the
 * stack name) instead of being left to CloudFormation, because functions and state machines refer to each
 * other both ways (a saga invokes the agents; an agent resumes a machine): names known at synth time break
 * what would otherwise be a CloudFormation dependency cycle, and `AGENTBRIDGE_AGENT_FUNCTIONS` stays a
 * literal JSON string. Two systems in one account and region differ in their prefixes.
 *
 * @example
 * ```ts
 * defaultNamePrefix(stack); // 'AgentBridge'
 * ```
 */
export function defaultNamePrefix(scope: Construct): string {
  const name = Stack.of(scope).stackName;
  if (Token.isUnresolved(name)) {
    throw new InfraError(
      'UNRESOLVED_STACK_NAME',
      'agentbridge needs a literal stack name (or a namePrefix) to derive resource names',
    );
  }
  return name;
}

/**
 * The function hosting `agentType`: `<prefix>-<agentType>`, at most 64 characters (Lambda's limit).
 *
 * @example
 * ```ts
 * functionNameFor('AgentBridge', 'payment'); // 'AgentBridge-payment'
 * ```
 */
export function functionNameFor(prefix: string, agentType: string): string {
  const name = `${prefix}-${agentType}`;
  if (name.length > 64) {
    throw new InfraError('NAME_TOO_LONG', `Function name "${name}" is longer than Lambda's 64 characters`);
  }
  return name;
}

/** The unqualified ARN of a function named by {@link functionNameFor}. */
export function functionArnFor(scope: Construct, functionName: string): string {
  return Stack.of(scope).formatArn({
    service: 'lambda',
    resource: 'function',
    resourceName: functionName,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

/**
 * A state machine's name: `<prefix>-<machine>`, at most 80 characters (Step Functions' limit).
 *
 * @example
 * ```ts
 * stateMachineNameFor('AgentBridge', 'order-saga'); // 'AgentBridge-order-saga'
 * ```
 */
export function stateMachineNameFor(prefix: string, machine: string): string {
  const name = `${prefix}-${machine}`;
  if (name.length > 80) {
    throw new InfraError(
      'NAME_TOO_LONG',
      `State machine name "${name}" is longer than Step Functions' 80 characters`,
    );
  }
  return name;
}

/** The ARN of a state machine named by {@link stateMachineNameFor}. */
export function stateMachineArnFor(scope: Construct, stateMachineName: string): string {
  return Stack.of(scope).formatArn({
    service: 'states',
    resource: 'stateMachine',
    resourceName: stateMachineName,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

/** The ARN pattern of every execution of one state machine (what DescribeExecution/StopExecution act on). */
export function executionArnsFor(scope: Construct, stateMachineName: string): string {
  return Stack.of(scope).formatArn({
    service: 'states',
    resource: 'execution',
    resourceName: `${stateMachineName}:*`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

/**
 * The ARN of one state machine's executions without the execution name (`arn:…:execution:<machine>`): an ASL
 * appends `:<name>` to address one execution it did not start itself, or whose start it could not confirm.
 */
export function executionArnPrefixFor(scope: Construct, stateMachineName: string): string {
  return Stack.of(scope).formatArn({
    service: 'states',
    resource: 'execution',
    resourceName: stateMachineName,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}
