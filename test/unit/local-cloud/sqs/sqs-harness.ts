import { readFileSync } from 'node:fs';
import { localDeploymentOf, templateStack } from '../../../../local/cloud/load-local-deployment.js';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import { createLocalQueues, type LocalSqs } from '../../../../local/cloud/sqs/create-local-queues.js';
import { testCloudContext } from '../../../support/local-cloud-context.js';

const FIXTURES = 'test/fixtures/local-cloud';

/** The queues fixture's deployment: work → dead-letters (2 receives), orders.fifo → orders-dead.fifo (1). */
export const queuesDeployment = () =>
  localDeploymentOf(
    [templateStack(JSON.parse(readFileSync(`${FIXTURES}/queues.template.json`, 'utf8')), 'Queues')],
    FIXTURES,
  );

export interface SqsCall {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Record<string, unknown>;
}

/** A local SQS on a frozen clock, called as the endpoint would call it. */
export function sqsHarness() {
  const clock = new LocalClock({ start: Date.UTC(2026, 0, 1) });
  const deployment = queuesDeployment();
  const context = testCloudContext(deployment, {}, { clock });
  const sqs: LocalSqs = createLocalQueues(context);
  const urlOf = (name: string) => deployment.queues.find((queue) => queue.name === name)?.url ?? name;
  const call = async (operation: string, input: Record<string, unknown>): Promise<SqsCall> => {
    const response = await sqs.service.handle({
      method: 'POST',
      path: '/',
      query: new URLSearchParams(),
      headers: { 'content-type': 'application/x-amz-json-1.0' },
      body: JSON.stringify(input),
      target: `AmazonSQS.${operation}`,
      signingService: 'sqs',
    });
    return { status: response.status, headers: response.headers, body: JSON.parse(response.body) };
  };
  const messagesOf = (result: SqsCall) => (result.body.Messages ?? []) as Record<string, unknown>[];
  return { clock, deployment, context, sqs, urlOf, call, messagesOf };
}
