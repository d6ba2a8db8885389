import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SfnExecutionStarter } from '../lambdas/agents/saga-starter/sfn-execution-starter.js';
import { SqsParkedSagaQueue } from '../lambdas/agents/saga-starter/sqs-parked-saga-queue.js';
import { runSagaRedrive } from '../scripts/saga-redrive/saga-redrive-command.js';

// `npm run saga:redrive`: resumes parked order sagas (see --help). Credentials and region as for the AWS CLI.
process.exitCode = await runSagaRedrive(
  process.argv.slice(2),
  process.env,
  (args) => ({
    queue: new SqsParkedSagaQueue({ client: new SQSClient({}), queueUrl: args.queueUrl }),
    starter: new SfnExecutionStarter({ client: new SFNClient({}), stateMachineArn: args.stateMachineArn }),
  }),
  process.stdout,
);
