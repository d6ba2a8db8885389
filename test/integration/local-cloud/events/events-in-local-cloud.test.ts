import { readFileSync } from 'node:fs';
import { EventBridgeClient, ListRulesCommand, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectPath } from '../../../../lib/constructs/project-paths.js';
import { localDeploymentOf, templateStack } from '../../../../local/cloud/load-local-deployment.js';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import { type LocalCloud, startLocalCloud } from '../../../../local/cloud/start-local-cloud.js';

const TEMPLATE = projectPath('test/fixtures/local-cloud/events/events.template.json');

describe('the local EventBridge inside the local cloud', () => {
  let cloud: LocalCloud;
  let client: EventBridgeClient;

  beforeAll(async () => {
    const template = JSON.parse(readFileSync(TEMPLATE, 'utf8'));
    cloud = await startLocalCloud({
      deployment: (endpointUrl) =>
        localDeploymentOf([templateStack(template, 'Events')], projectPath('.'), {
          identity: { sqsEndpoint: endpointUrl },
        }),
      dynamoDbEndpoint: inject('dynamodbEndpoint'),
      clock: new LocalClock(),
      logger: { warn: () => undefined, error: () => undefined },
    });
    client = new EventBridgeClient({
      endpoint: cloud.endpointUrl,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  }, 60_000);

  afterAll(async () => {
    client.destroy();
    await cloud?.close();
  });

  it("answers the deployment's rules through the cloud's one endpoint", async () => {
    const rules = await client.send(new ListRulesCommand({ EventBusName: 'orders-bus' }));
    expect(rules.Rules?.map((rule) => rule.Name)).toEqual([
      'to-worker',
      'big-orders',
      'shipped',
      'paused',
      'forward',
    ]);
  });

  it('puts an event on its bus, forwards it to the other bus and on to a queue, all in the journal the CLI traces', async () => {
    const put = await client.send(
      new PutEventsCommand({
        Entries: [
          { Source: 'shop', DetailType: 'Audit', Detail: '{"auditId":"a-1"}', EventBusName: 'orders-bus' },
        ],
      }),
    );
    expect(put.FailedEntryCount).toBe(0);
    await cloud.advance(0);
    const traced = cloud.journal.entries().filter((entry) => entry.payload.includes('"a-1"'));
    expect(traced.filter((entry) => entry.action === 'PutEvents').map((entry) => entry.resource)).toEqual([
      'orders-bus',
      'default',
    ]);
    expect(traced).toContainEqual(expect.objectContaining({ action: 'Delivered', resource: 'forward' }));
    // The default bus's rule sends it on to the local SQS.
    expect(traced).toContainEqual(expect.objectContaining({ action: 'Delivered', resource: 'audit-log' }));
  });
});
