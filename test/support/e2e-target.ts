import { readFileSync } from 'node:fs';
import { silentLogger } from '../../lambdas/contracts/logger.js';
import { ensureBundledCdkOut } from '../../local/cdk-out/cdk-out-template.js';
import { loadLocalDeployment } from '../../local/cloud/load-local-deployment.js';
import { AwsOrderTarget, orderStackOf } from '../../local/demo/aws-order-target.js';
import { startLocalCloudTarget } from '../../local/demo/local-cloud-target.js';

/** What the end-to-end scenarios run against, and what only the local cloud can do for them. */
export interface E2eTarget {
  readonly target: AwsOrderTarget;
  /** The endpoint the SDK clients use; undefined for the account of the environment. */
  readonly endpoint: string | undefined;
  /** Moves the deployment's clock (the local cloud only): a lifecycle wait of a day expires in the test. */
  readonly advance: ((duration: string) => Promise<void>) | undefined;
  /** The same deployment driven by a producer that publishes every event twice (`publishTwice`). */
  readonly publishingTwice: AwsOrderTarget;
  /** Switches the bus's duplicate deliveries (the local cloud only): every event reaches each target twice. */
  readonly duplicateDeliveries: ((on: boolean) => void) | undefined;
  /** How many deliveries to a rule target the local cloud journaled of events whose JSON holds `text`. */
  readonly deliveriesOf: ((text: string) => number) | undefined;
  close(): Promise<void>;
}

/** A second target on the same stack whose producer publishes every event twice. */
const twiceOver = (target: AwsOrderTarget, endpoint: string | undefined): AwsOrderTarget =>
  new AwsOrderTarget({
    name: `${target.name}, publishing twice`,
    stack: target.stack,
    ...(endpoint === undefined ? {} : { clients: { endpoint } }),
    settle: () => target.settle(),
    publishTwice: true,
  });

/**
 * The target `AGENTBRIDGE_E2E_TARGET` names: `local-cloud` (default) starts the synthesized stack on the local
 * cloud on the run's DynamoDB Local; `deployed` drives a stack deployed with `cdk deploy --outputs-file
 * <file>` (LocalStack when `AWS_ENDPOINT_URL` is set, else the environment's account), reading its outputs
 * from `AGENTBRIDGE_E2E_OUTPUTS` and its function names from cdk.out.
 */
export async function openE2eTarget(dynamoDbEndpoint: string): Promise<E2eTarget> {
  const kind = process.env.AGENTBRIDGE_E2E_TARGET ?? 'local-cloud';
  const cdkOutDir = ensureBundledCdkOut();
  if (kind === 'local-cloud') {
    const target = await startLocalCloudTarget({ cdkOutDir, dynamoDbEndpoint, logger: silentLogger });
    const publishingTwice = twiceOver(target, target.cloud.endpointUrl);
    return {
      target,
      endpoint: target.cloud.endpointUrl,
      advance: async (duration) => void (await target.cloud.advance(duration)),
      publishingTwice,
      duplicateDeliveries: (on) => {
        target.cloud.faults.duplicateDeliveries = on;
      },
      deliveriesOf: (text) =>
        target.cloud.journal
          .entries()
          .filter((entry) => entry.action === 'Delivered' && entry.payload.includes(text)).length,
      close: async () => {
        await publishingTwice.close();
        await target.close();
      },
    };
  }
  if (kind !== 'deployed') throw new Error(`AGENTBRIDGE_E2E_TARGET is local-cloud or deployed, not ${kind}`);
  const outputsFile = process.env.AGENTBRIDGE_E2E_OUTPUTS;
  if (outputsFile === undefined)
    throw new Error('AGENTBRIDGE_E2E_OUTPUTS names the cdk deploy --outputs-file');
  const outputs = (JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, Record<string, string>>)
    .AgentBridge;
  if (outputs === undefined) throw new Error(`${outputsFile} holds no AgentBridge stack outputs`);
  const anyFunction = loadLocalDeployment(cdkOutDir).functions[0];
  const endpoint = process.env.AWS_ENDPOINT_URL;
  const target = new AwsOrderTarget({
    name: 'deployed',
    stack: orderStackOf(outputs, anyFunction?.environment ?? {}),
    ...(endpoint === undefined ? {} : { clients: { endpoint } }),
  });
  const publishingTwice = twiceOver(target, endpoint);
  return {
    target,
    endpoint,
    advance: undefined,
    publishingTwice,
    duplicateDeliveries: undefined,
    deliveriesOf: undefined,
    close: async () => {
      await publishingTwice.close();
      await target.close();
    },
  };
}
