import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBundledCdkOut } from '../../../../local/cdk-out/cdk-out-template.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../../local/cloud/endpoint/aws-endpoint.js';
import {
  createLocalFunctions,
  type LocalFunctionsService,
} from '../../../../local/cloud/lambda/create-local-functions.js';
import { loadLocalDeployment } from '../../../../local/cloud/load-local-deployment.js';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import type { LocalDeployment } from '../../../../local/cloud/local-deployment.js';
import { createLocalQueues, type LocalSqs } from '../../../../local/cloud/sqs/create-local-queues.js';
import { freeLoopbackPort } from '../../../../local/dynamodb/free-loopback-port.js';
import { testCloudContext } from '../../../support/local-cloud-context.js';
import { recordingLogger } from '../../../unit/local-cloud/lambda/fixture-functions.js';

/**
 * The order system's payment bundle from cdk.out, run by the local Lambda host behind the endpoint with the
 * local SQS: an input it cannot recognise goes, through the bundle's own SQS client, to its dead-letter queue.
 */
describe("the order system's payment bundle on the local Lambda host", () => {
  let deployment: LocalDeployment;
  let sqs: LocalSqs;
  let lambda: LocalFunctionsService;
  let endpoint: AwsEndpoint;
  const logger = recordingLogger();

  beforeAll(async () => {
    const port = await freeLoopbackPort();
    // The SDK's SQS client sends to the host of a QueueUrl unless given an endpoint in code, so the queue URLs
    // in the functions' environment must name the endpoint itself.
    deployment = loadLocalDeployment(ensureBundledCdkOut(), {
      stacks: ['AgentBridge'],
      identity: { sqsEndpoint: `http://127.0.0.1:${port}` },
    });
    const context = testCloudContext(
      deployment,
      {},
      {
        clock: new LocalClock({ running: true }),
        endpointUrl: `http://127.0.0.1:${port}`,
      },
    );
    sqs = createLocalQueues(context);
    lambda = createLocalFunctions(context, { logger });
    endpoint = await startAwsEndpoint({ services: [sqs.service, lambda.service], port });
  }, 600_000);

  afterAll(async () => {
    await endpoint?.close();
    await lambda?.close();
    await sqs?.close();
  });

  it('answers an unrecognised input without a retry and dead-letters it through the bundle SQS client', async () => {
    const payment = deployment.functions.find((fn) => fn.name.endsWith('-payment'));
    if (payment === undefined) throw new Error('the order system deploys a payment function');
    const result = await lambda.host.invoke(payment.name, JSON.stringify({ unexpected: 'input' }));
    expect(result.coldStart).toBe(true);
    expect(result.functionError, result.payload).toBeUndefined();

    const client = new SQSClient({
      endpoint: endpoint.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      const received = await client.send(
        new ReceiveMessageCommand({ QueueUrl: payment.environment.AGENTBRIDGE_DEAD_LETTER_QUEUE_URL }),
      );
      expect(received.Messages).toHaveLength(1);
      expect(received.Messages?.[0]?.Body).toContain('unexpected');
    } finally {
      client.destroy();
    }
    const warm = await lambda.host.invoke(payment.name, JSON.stringify({ unexpected: 'again' }));
    expect([warm.coldStart, warm.functionError]).toEqual([false, undefined]);
  });
});
