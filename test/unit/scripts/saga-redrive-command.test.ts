import { SFNClient, StartExecutionCommand, StateMachineDoesNotExist } from '@aws-sdk/client-sfn';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { SfnExecutionStarter } from '../../../lambdas/agents/saga-starter/sfn-execution-starter.js';
import { SqsParkedSagaQueue } from '../../../lambdas/agents/saga-starter/sqs-parked-saga-queue.js';
import { runSagaRedrive, SAGA_REDRIVE_USAGE } from '../../../scripts/saga-redrive/saga-redrive-command.js';

const config = { region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } };
const sqsClient = new SQSClient(config);
const sfnClient = new SFNClient(config);
const sqs = mockClient(sqsClient);
const sfn = mockClient(sfnClient);
afterEach(() => {
  sqs.reset();
  sfn.reset();
});

const queueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/parked';
const stateMachineArn = 'arn:aws:states:us-east-1:123456789012:stateMachine:AgentBridge-order-saga';
const parked = { orderId: 'o-1', sagaId: 's-1', resumeAt: 'RefundPayment', compensations: ['RefundPayment'] };

const run = async (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  let text = '';
  const code = await runSagaRedrive(
    argv,
    env,
    (args) => ({
      queue: new SqsParkedSagaQueue({ client: sqsClient, queueUrl: args.queueUrl }),
      starter: new SfnExecutionStarter({ client: sfnClient, stateMachineArn: args.stateMachineArn }),
    }),
    { write: (chunk: string) => (text += chunk) },
  );
  return { code, text };
};

describe('npm run saga:redrive', () => {
  it('prints its usage on --help and touches nothing', async () => {
    expect(await run(['--help'])).toEqual({ code: 0, text: `${SAGA_REDRIVE_USAGE}\n` });
    expect(sqs.calls()).toHaveLength(0);
  });

  it('refuses a missing queue, an unknown flag and a bad limit with exit code 2', async () => {
    expect((await run(['--state-machine-arn', stateMachineArn])).code).toBe(2);
    expect((await run(['--queue-url', queueUrl, '--state-machine-arn', stateMachineArn, '--dry'])).code).toBe(
      2,
    );
    const bad = await run(['--queue-url', queueUrl, '--state-machine-arn', stateMachineArn, '--limit', '0']);
    expect(bad).toEqual({ code: 2, text: 'saga:redrive: --limit must be a whole number ≥ 1\n' });
  });

  it('starts each parked saga with its parked state as input, then deletes its message', async () => {
    sqs
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [{ ReceiptHandle: 'r-1', Body: JSON.stringify(parked) }] })
      .resolves({ Messages: [] });
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:exec:o-1', startDate: new Date() });
    const { code, text } = await run([], {
      AGENTBRIDGE_PARKED_SAGA_QUEUE_URL: queueUrl,
      AGENTBRIDGE_SAGA_STATE_MACHINE_ARN: stateMachineArn,
    });

    expect(code).toBe(0);
    expect(text).toContain('redriven     o-1 at RefundPayment: arn:exec:o-1');
    expect(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input).toEqual({
      stateMachineArn,
      name: 'o-1',
      input: JSON.stringify(parked),
    });
    expect(sqs.commandCalls(DeleteMessageCommand)[0]?.args[0].input).toEqual({
      QueueUrl: queueUrl,
      ReceiptHandle: 'r-1',
    });
  });

  it('leaves a message whose start is refused in the queue and exits 1', async () => {
    sqs
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [{ ReceiptHandle: 'r-1', Body: JSON.stringify(parked) }] })
      .resolves({ Messages: [] });
    sfn.on(StartExecutionCommand).rejects(new StateMachineDoesNotExist({ message: 'gone', $metadata: {} }));
    const { code, text } = await run(['--queue-url', queueUrl, '--state-machine-arn', stateMachineArn]);

    expect(code).toBe(1);
    expect(text).toMatch(/not started {2}o-1: ExecutionStartRejectedError/);
    expect(sqs.commandCalls(DeleteMessageCommand)).toHaveLength(0);
  });

  it('reads at most --limit messages', async () => {
    const messages = [1, 2, 3].map((n) => ({
      ReceiptHandle: `r-${n}`,
      Body: JSON.stringify({ ...parked, orderId: `o-${n}` }),
    }));
    sqs.on(ReceiveMessageCommand).resolves({ Messages: messages.slice(0, 2) });
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:exec', startDate: new Date() });
    const { code } = await run([
      '--queue-url',
      queueUrl,
      '--state-machine-arn',
      stateMachineArn,
      '--limit',
      '2',
    ]);

    expect(code).toBe(0);
    expect(sqs.commandCalls(ReceiveMessageCommand)[0]?.args[0].input).toMatchObject({
      MaxNumberOfMessages: 2,
    });
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(2);
  });
});
