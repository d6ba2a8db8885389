import {
  DescribeExecutionCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CliIo } from '../../../../local/cli/cli-io.js';
import { runCli } from '../../../../local/cli/run-cli.js';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import { type LocalCloud, startLocalCloud } from '../../../../local/cloud/start-local-cloud.js';
import { arnOf, deploymentOf } from '../../../unit/local-cloud/states/states-fixture.js';

/** Waits a day for a task token nobody sends: only advancing the clock ends it. */
const waiting = {
  StartAt: 'AwaitPayment',
  States: {
    AwaitPayment: { Type: 'Wait', Seconds: 86_400, Next: 'Expired' },
    Expired: { Type: 'Pass', Result: 'expired', End: true },
  },
};

describe('Step Functions in the started local cloud', () => {
  let cloud: LocalCloud;
  let client: SFNClient;

  beforeAll(async () => {
    cloud = await startLocalCloud({
      deployment: () => deploymentOf([{ name: 'lifecycle', definition: waiting }]),
      dynamoDbEndpoint: inject('dynamodbEndpoint'),
      clock: new LocalClock({ running: true }),
      logger: { warn: () => undefined, error: () => undefined },
    });
    client = new SFNClient({
      endpoint: cloud.endpointUrl,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  }, 120_000);
  afterAll(async () => {
    client.destroy();
    await cloud?.close();
  });

  const cli = async (...args: string[]) => {
    const out: string[] = [];
    const io: CliIo = {
      out: (line) => out.push(line),
      err: (line) => out.push(line),
      env: { AWS_ENDPOINT_URL: cloud.endpointUrl },
      interrupted: () => new Promise(() => undefined),
    };
    return { code: await runCli(args, io), out };
  };

  it('runs an execution the SDK starts until `agentbridge clock advance` passes its wait, and traces it', async () => {
    const { stateMachines } = await client.send(new ListStateMachinesCommand({}));
    expect(stateMachines?.map((machine) => machine.name)).toEqual(['lifecycle']);
    const { executionArn } = await client.send(
      new StartExecutionCommand({
        stateMachineArn: arnOf('lifecycle'),
        name: 'o-cli',
        input: '{"orderId":"o-cli"}',
      }),
    );
    expect((await client.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    expect(await cli('clock', 'advance', '1d')).toMatchObject({ code: 0 });
    const described = await client.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({ status: 'SUCCEEDED', output: '"expired"' });
    const listed = await client.send(
      new ListExecutionsCommand({ stateMachineArn: arnOf('lifecycle'), statusFilter: 'SUCCEEDED' }),
    );
    expect(listed.executions?.map((execution) => execution.name)).toEqual(['o-cli']);
    const trace = await cli('trace', 'o-cli');
    expect(trace.code).toBe(0);
    expect(trace.out.map((line) => line.replace(/^\S+ {2}/, '').replace(/ +/g, ' '))).toEqual([
      'states lifecycle ExecutionStarted',
      'states lifecycle StateEntered AwaitPayment',
      'states lifecycle StateExited AwaitPayment',
      'states lifecycle StateEntered Expired',
      'states lifecycle StateExited Expired',
      'states lifecycle ExecutionSucceeded',
    ]);
  });
});
