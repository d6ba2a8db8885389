import type { EventBus } from 'aws-cdk-lib/aws-events';
import { AccountPrincipal, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { ProducerDirectory } from '../../lambdas/contracts/senders.js';
import { InvalidContextError } from './infra-error.js';

/** The context key (`cdk.json` or `cdk deploy -c producerAccounts=111111111111,222222222222`). */
export const PRODUCER_ACCOUNTS_CONTEXT = 'producerAccounts';

const ACCOUNT_ID = /^\d{12}$/;

/**
 * Reads the producer accounts from a context value: a JSON array of account ids (`cdk.json`) or a
 * comma-separated string (`-c`). Anything that is not a 12-digit account id fails the synth.
 *
 * @example
 * ```ts
 * parseProducerAccounts(app.node.tryGetContext('producerAccounts')); // ['111111111111']
 * ```
 */
export function parseProducerAccounts(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  const items = typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value;
  if (!Array.isArray(items)) {
    throw new InvalidContextError(PRODUCER_ACCOUNTS_CONTEXT, 'must be a list of AWS account ids');
  }
  const accounts: string[] = [];
  const invalid: unknown[] = [];
  for (const item of items) {
    const account = typeof item === 'number' ? String(item) : item;
    if (typeof account === 'string' && ACCOUNT_ID.test(account)) accounts.push(account);
    else invalid.push(item);
  }
  if (invalid.length > 0) {
    throw new InvalidContextError(
      PRODUCER_ACCOUNTS_CONTEXT,
      `holds values that are not 12-digit account ids: ${JSON.stringify(invalid)}`,
    );
  }
  return [...new Set(accounts)];
}

export interface ProducerBusPolicyProps {
  readonly eventBus: EventBus;
  /** Detail-type → the sources and other accounts its producer writes from (see `producerDirectoryFromContext`). */
  readonly producers: ProducerDirectory;
}

/**
 * Lets other AWS accounts (the services that place orders, confirm payments, ...) put events on the agentbridge
 * bus, each only for its own detail-types and with its own sources: one statement per producer (same accounts,
 * same sources) with `events:detail-type` and `events:source` conditions. So the checkout's account cannot put
 * a PaymentCompleted, and no producer can write an `agentbridge.*` source (none is configurable). Detail-types
 * whose producer names no other account add nothing (same-account producers need only their own IAM permission).
 *
 * @example
 * ```ts
 * new ProducerBusPolicy(this, 'ProducerPolicy', {
 *   eventBus: bus,
 *   producers: { PaymentCompleted: { sources: ['payments.gateway'], accounts: ['222222222222'] } },
 * });
 * ```
 */
export class ProducerBusPolicy extends Construct {
  readonly statements: PolicyStatement[];

  constructor(scope: Construct, id: string, props: ProducerBusPolicyProps) {
    super(scope, id);
    const groups = new Map<string, { accounts: string[]; sources: string[]; detailTypes: string[] }>();
    for (const [detailType, producer] of Object.entries(props.producers)) {
      if (producer.accounts.length === 0) continue;
      const accounts = [...new Set(producer.accounts)].sort();
      const sources = [...new Set(producer.sources)].sort();
      const key = JSON.stringify([accounts, sources]);
      const group = groups.get(key) ?? { accounts, sources, detailTypes: [] };
      group.detailTypes.push(detailType);
      groups.set(key, group);
    }
    this.statements = [...groups.values()].map(
      ({ accounts, sources, detailTypes }, index) =>
        new PolicyStatement({
          sid: `AgentbridgeProducer${index + 1}PutEvents`,
          principals: accounts.map((account) => new AccountPrincipal(account)),
          actions: ['events:PutEvents'],
          resources: [props.eventBus.eventBusArn],
          conditions: {
            StringEquals: { 'events:detail-type': detailTypes, 'events:source': sources },
          },
        }),
    );
    for (const statement of this.statements) props.eventBus.addToResourcePolicy(statement);
  }
}
