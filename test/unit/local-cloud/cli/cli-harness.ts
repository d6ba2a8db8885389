import { readFileSync } from 'node:fs';
import type { CliIo } from '../../../../local/cli/cli-io.js';
import { runCli } from '../../../../local/cli/run-cli.js';
import { type AwsEndpoint, startAwsEndpoint } from '../../../../local/cloud/endpoint/aws-endpoint.js';
import type { AwsRequest, AwsResponse } from '../../../../local/cloud/endpoint/aws-service.js';
import { createLocalEvents } from '../../../../local/cloud/events/local-events.js';
import { localDeploymentOf, templateStack } from '../../../../local/cloud/load-local-deployment.js';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import { createLocalQueues } from '../../../../local/cloud/sqs/create-local-queues.js';
import { testCloudContext } from '../../../support/local-cloud-context.js';

const FIXTURES = 'test/fixtures/local-cloud';
export const MESSAGES = `${FIXTURES}/cli-messages.ts`;

const json = (status: number, body: unknown): AwsResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/**
 * A small local cloud for the CLI: EventBridge and SQS of the queues fixture behind one endpoint, with the
 * admin routes the CLI reads (journal, deployment's queues, clock) answered from the same context.
 */
export async function cliCloud() {
  const deployment = localDeploymentOf(
    [templateStack(JSON.parse(readFileSync(`${FIXTURES}/queues.template.json`, 'utf8')), 'Queues')],
    FIXTURES,
  );
  const clock = new LocalClock({ start: Date.UTC(2026, 0, 1), running: true });
  const sqs = createLocalQueues(testCloudContext(deployment, {}, { clock }));
  const context = testCloudContext(deployment, { queues: sqs.queues }, { clock });
  const events = createLocalEvents(context);
  const admin = async (request: AwsRequest): Promise<AwsResponse> => {
    const route = `${request.method} ${request.path}`;
    if (route === 'GET /_agentbridge/journal') {
      const contains = request.query.get('contains') ?? '';
      return json(
        200,
        context.journal.entries().filter((entry) => JSON.stringify(entry).includes(contains)),
      );
    }
    if (route === 'GET /_agentbridge/deployment') {
      return json(200, {
        queues: deployment.queues.map((queue) => ({
          name: queue.name,
          url: queue.url,
          arn: queue.arn,
          deadLetterQueueOf: deployment.queues
            .filter((source) => source.redrivePolicy?.deadLetterTarget.arn === queue.arn)
            .map((source) => source.name),
        })),
      });
    }
    if (route === 'POST /_agentbridge/clock/advance') {
      await clock.advance((JSON.parse(request.body) as { duration: string }).duration);
      return json(200, { now: clock.now() });
    }
    return json(404, { __type: 'ResourceNotFoundException', message: route });
  };
  const endpoint: AwsEndpoint = await startAwsEndpoint({ services: [events.service, sqs.service], admin });
  /** Runs one command line against this cloud; what it printed and its exit code. */
  const cli = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      env: { AWS_ENDPOINT_URL: endpoint.url, AGENTBRIDGE_MESSAGES: MESSAGES },
      interrupted: () => new Promise(() => undefined),
    };
    const code = await runCli(args, io);
    return { code, out, err };
  };
  const close = async () => {
    await endpoint.close();
    await events.close();
    await sqs.close();
  };
  return { deployment, context, clock, sqs, endpoint, cli, close };
}
