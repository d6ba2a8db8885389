import type { EventBus } from 'aws-cdk-lib/aws-events';
import { AccountPrincipal, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { SOURCE_PREFIX } from '../../lambdas/contracts/sources.js';
import { InvalidContextError } from '../infra-error.js';

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
  readonly producerAccounts: readonly string[];
}

/**
 * Lets other AWS accounts (the services that place orders, etc.) put events on the agentbridge bus. They may
 * not use an `agentbridge.*` source: those are reserved for agentbridge's own functions, so a producer
 * cannot impersonate an agent. With no producer accounts nothing is added (same-account producers need only
 * their own IAM permission).
 *
 * @example
 * ```ts
 * new ProducerBusPolicy(this, 'ProducerPolicy', { eventBus: bus, producerAccounts: ['111111111111'] });
 * ```
 */
export class ProducerBusPolicy extends Construct {
  readonly statement: PolicyStatement | undefined;

  constructor(scope: Construct, id: string, props: ProducerBusPolicyProps) {
    super(scope, id);
    if (props.producerAccounts.length === 0) {
      this.statement = undefined;
      return;
    }
    this.statement = new PolicyStatement({
      sid: 'AgentbridgeProducerAccountsPutEvents',
      principals: props.producerAccounts.map((account) => new AccountPrincipal(account)),
      actions: ['events:PutEvents'],
      resources: [props.eventBus.eventBusArn],
      conditions: { StringNotLike: { 'events:source': [`${SOURCE_PREFIX}*`] } },
    });
    props.eventBus.addToResourcePolicy(this.statement);
  }
}
