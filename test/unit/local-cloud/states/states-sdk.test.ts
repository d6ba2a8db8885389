import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  InvalidToken,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StateMachineDoesNotExist,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEndpoint, startAwsEndpoint } from '../../../../local/cloud/endpoint/aws-endpoint.js';
import { arnOf, deploymentOf, statesUnderTest } from './states-fixture.js';

const callback = {
  StartAt: 'Await',
  States: {
    Await: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: 'parker', Payload: { 'token.$': '$$.Task.Token' } },
      End: true,
    },
  },
};
const quick = { StartAt: 'Done', States: { Done: { Type: 'Pass', Result: { ok: true }, End: true } } };

describe('local Step Functions through the SDK v3 client', () => {
  const tokens: string[] = [];
  const under = statesUnderTest(
    deploymentOf([
      { name: 'callback', definition: callback },
      { name: 'quick', definition: quick, type: 'EXPRESS' },
    ]),
    {
      functions: {
        invoke: async (_name, payload) => {
          tokens.push((JSON.parse(payload) as { token: string }).token);
          return { payload: 'null', functionError: undefined };
        },
        invokeAsync: async () => undefined,
      },
    },
  );
  let endpoint: AwsEndpoint;
  let client: SFNClient;
  let syncClient: SFNClient;

  beforeAll(async () => {
    endpoint = await startAwsEndpoint({ services: [under.states.service] });
    const config = {
      endpoint: endpoint.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    };
    client = new SFNClient(config);
    // StartSyncExecution's host prefix (`sync-`) would name a host that does not resolve on a loopback address.
    syncClient = new SFNClient({ ...config, disableHostPrefix: true });
  });

  afterAll(async () => {
    client.destroy();
    syncClient.destroy();
    await endpoint.close();
    await under.states.close();
  });

  it('starts, parks, resumes and describes an execution, and lists it with its history', async () => {
    const { executionArn } = await client.send(
      new StartExecutionCommand({
        stateMachineArn: arnOf('callback'),
        name: 'o-1',
        input: '{"orderId":"o-1"}',
      }),
    );
    await under.states.engine.waitUntilParked(executionArn ?? '');
    await client.send(new SendTaskSuccessCommand({ taskToken: tokens[0], output: '{"done":1}' }));
    await under.states.engine.waitForExecution(executionArn ?? '');
    const described = await client.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({ status: 'SUCCEEDED', output: '{"done":1}', name: 'o-1' });
    expect(described.startDate).toBeInstanceOf(Date);
    const listed = await client.send(new ListExecutionsCommand({ stateMachineArn: arnOf('callback') }));
    expect(listed.executions?.map((execution) => execution.executionArn)).toEqual([executionArn]);
    const history = await client.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(history.events?.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskSubmitted',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(history.events?.[0]?.executionStartedEventDetails?.input).toBe('{"orderId":"o-1"}');
  });

  it('raises the named exceptions of the SDK', async () => {
    await expect(
      client.send(new StartExecutionCommand({ stateMachineArn: arnOf('nope') })),
    ).rejects.toBeInstanceOf(StateMachineDoesNotExist);
    await client.send(
      new StartExecutionCommand({ stateMachineArn: arnOf('callback'), name: 'dup', input: '{}' }),
    );
    await expect(
      client.send(
        new StartExecutionCommand({ stateMachineArn: arnOf('callback'), name: 'dup', input: '{"a":1}' }),
      ),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    await expect(
      client.send(
        new DescribeExecutionCommand({
          executionArn: 'arn:aws:states:eu-west-1:123456789012:execution:callback:x',
        }),
      ),
    ).rejects.toBeInstanceOf(ExecutionDoesNotExist);
    await expect(
      client.send(new SendTaskSuccessCommand({ taskToken: 'forged', output: '{}' })),
    ).rejects.toBeInstanceOf(InvalidToken);
  });

  it('runs an EXPRESS execution synchronously for a client without the host prefix', async () => {
    const result = await syncClient.send(
      new StartSyncExecutionCommand({ stateMachineArn: arnOf('quick'), input: '{}' }),
    );
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: '{"ok":true}' });
    const { stateMachines } = await client.send(new ListStateMachinesCommand({}));
    expect(stateMachines?.map((machine) => machine.name)).toEqual(['callback', 'quick']);
  });
});
