import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';

/**
 * The SDK clients an end-to-end scenario speaks to the deployment with: built for `endpoint` (the local cloud,
 * LocalStack) with throwaway credentials, or for the environment's account when there is none.
 */
export function e2eClients(endpoint: string | undefined) {
  const settings = {
    region: process.env.AWS_REGION ?? 'us-east-1',
    ...(endpoint === undefined
      ? {}
      : { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  };
  const eventBridge = new EventBridgeClient(settings);
  const sqs = new SQSClient(settings);
  const sfn = new SFNClient(settings);
  const lambda = new LambdaClient(settings);
  return {
    eventBridge,
    sqs,
    sfn,
    lambda,
    close(): void {
      for (const client of [eventBridge, sqs, sfn, lambda]) client.destroy();
    },
  };
}
