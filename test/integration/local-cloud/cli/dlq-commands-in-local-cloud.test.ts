import { readFileSync } from 'node:fs';
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CliIo } from '../../../../local/cli/cli-io.js';
import { runCli } from '../../../../local/cli/run-cli.js';
import { localDeploymentOf, templateStack } from '../../../../local/cloud/load-local-deployment.js';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import { type LocalCloud, startLocalCloud } from '../../../../local/cloud/start-local-cloud.js';

const FIXTURES = 'test/fixtures/local-cloud';

describe('agentbridge dlq against the started local cloud', () => {
  let cloud: LocalCloud;
  let sqs: SQSClient;

  beforeAll(async () => {
    cloud = await startLocalCloud({
      deployment: (endpointUrl) =>
        localDeploymentOf(
          [templateStack(JSON.parse(readFileSync(`${FIXTURES}/queues.template.json`, 'utf8')), 'Queues')],
          FIXTURES,
          { identity: { sqsEndpoint: endpointUrl } },
        ),
      dynamoDbEndpoint: inject('dynamodbEndpoint'),
      clock: new LocalClock({ running: true }),
      logger: { warn: () => undefined, error: () => undefined },
    });
    sqs = new SQSClient({
      endpoint: cloud.endpointUrl,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  }, 120_000);
  afterAll(async () => {
    sqs.destroy();
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
  const urlOf = (name: string) => cloud.deployment.queues.find((queue) => queue.name === name)?.url ?? name;

  it('shows a message dead-lettered after its receives, leaves it there, and redrives it to its source', async () => {
    await sqs.send(
      new SendMessageCommand({ QueueUrl: urlOf('work'), MessageBody: '{"orderId":"o-poison"}' }),
    );
    for (const _ of [1, 2]) {
      await sqs.send(new ReceiveMessageCommand({ QueueUrl: urlOf('work'), VisibilityTimeout: 1 }));
      await cloud.advance('2s');
    }
    // The third receive finds it over maxReceiveCount (2) and moves it to the dead-letter queue.
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: urlOf('work') }));
    expect((await cli('dlq', 'list')).out[0]).toMatch(/^dead-letters +1 {2}dead letters of work$/);
    const shown = await cli('dlq', 'show', 'dead-letters');
    expect(shown.out).toContain('  body: {"orderId":"o-poison"}');
    expect((await cli('dlq', 'list')).out[0]).toMatch(/^dead-letters +1 /);
    expect((await cli('dlq', 'redrive', 'dead-letters')).code).toBe(0);
    await cloud.advance('1s');
    const back = await sqs.send(new ReceiveMessageCommand({ QueueUrl: urlOf('work'), WaitTimeSeconds: 1 }));
    expect(back.Messages?.map((message) => message.Body)).toEqual(['{"orderId":"o-poison"}']);
  });
});
