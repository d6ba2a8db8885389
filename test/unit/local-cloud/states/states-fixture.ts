import type { AwsResponse } from '../../../../local/cloud/endpoint/aws-service.js';
import type { LocalClock } from '../../../../local/cloud/local-clock.js';
import type { LocalDeployment, LocalStateMachine } from '../../../../local/cloud/local-deployment.js';
import { createLocalExecutions } from '../../../../local/cloud/states/create-local-executions.js';
import { type TestCloudPorts, testCloudContext } from '../../../support/local-cloud-context.js';

export const ACCOUNT = '123456789012';
export const arnOf = (name: string): string => `arn:aws:states:eu-west-1:${ACCOUNT}:stateMachine:${name}`;

/** A deployment holding only these state machines (definitions as the loader leaves them: substituted). */
export function deploymentOf(
  machines: readonly { name: string; definition: unknown; type?: 'STANDARD' | 'EXPRESS' }[],
): LocalDeployment {
  const stateMachines: LocalStateMachine[] = machines.map((machine) => ({
    stackName: 'Stack',
    logicalId: machine.name,
    name: machine.name,
    arn: arnOf(machine.name),
    type: machine.type ?? 'STANDARD',
    definition: machine.definition,
    loggingLevel: 'OFF',
    includeExecutionData: false,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/${machine.name}`,
  }));
  return {
    cdkOutDir: '/nowhere',
    stacks: [],
    tables: [],
    eventBuses: [],
    rules: [],
    queues: [],
    functions: [],
    eventInvokeConfigs: [],
    eventSourceMappings: [],
    stateMachines,
    notModelled: [],
  };
}

/** The service of these machines with these ports, and a caller of its JSON API. */
export function statesUnderTest(
  deployment: LocalDeployment,
  ports: TestCloudPorts = {},
  options: { clock?: LocalClock } = {},
) {
  const context = testCloudContext(
    deployment,
    ports,
    options.clock === undefined ? {} : { clock: options.clock },
  );
  const states = createLocalExecutions(context, { retryIntervalMs: 0 });
  const call = async (operation: string, input: Record<string, unknown>): Promise<AwsResponse> =>
    states.service.handle({
      method: 'POST',
      path: '/',
      query: new URLSearchParams(),
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `AWSStepFunctions.${operation}`,
      },
      body: JSON.stringify(input),
      target: `AWSStepFunctions.${operation}`,
      signingService: 'states',
    });
  /** The operation's JSON answer; throws with the AWS error code when it failed. */
  const ok = async (operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const response = await call(operation, input);
    const body = JSON.parse(response.body) as Record<string, unknown>;
    if (response.status !== 200)
      throw new Error(`${operation} answered ${response.status} ${String(body.__type)}`);
    return body;
  };
  /** The AWS error code the operation answered with. */
  const errorOf = async (operation: string, input: Record<string, unknown>): Promise<string> => {
    const response = await call(operation, input);
    return response.status === 200
      ? 'none'
      : String((JSON.parse(response.body) as { __type: string }).__type);
  };
  return { context, states, call, ok, errorOf };
}

export const lambdaTask = (next: Record<string, unknown>) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: 'arn:aws:lambda:eu-west-1:123456789012:function:worker', 'Payload.$': '$' },
  OutputPath: '$.Payload',
  ...next,
});
