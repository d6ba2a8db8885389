import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import * as z from 'zod';
import { ENVELOPE_SCHEMA_VERSION } from '../../../lambdas/contracts/envelope.js';
import { defineMessage } from '../../../lambdas/contracts/message-type.js';
import { defineAgent } from '../../../lambdas/runtime/agent-definition.js';
import { AwsRuntime } from '../../../lambdas/runtime/aws/aws-runtime.js';
import { agentHandler } from '../../../lambdas/runtime/lambda/agent-handler.js';
import { InMemoryDeadLetterSink } from '../../../lambdas/runtime/lambda/dead-letter/in-memory-dead-letter-sink.js';
import { TypeSubscription } from '../../../lambdas/runtime/type-subscription.js';
import type { AgentStateStore } from '../../../lambdas/stores/agent-state/agent-state-store.js';
import { testClients, testConfig } from '../../unit/runtime/aws/aws-runtime-fixtures.js';
import { fakeLambdaContext } from '../aws-loopback/fake-lambda-context.js';
import { quietPowertools } from '../aws-loopback/quiet-powertools.js';

const Balance = z.object({ balance: z.number() });
const Deposit = defineMessage('account.Deposit', z.object({ amount: z.number() }), { response: Balance });
const Withdraw = defineMessage('account.Withdraw', z.object({ amount: z.number() }), {
  response: Balance.extend({ ok: z.boolean() }),
});
const GetBalance = defineMessage('account.GetBalance', z.object({}), { response: Balance });
const Deposited = defineMessage('account.Deposited', z.object({ amount: z.number() }));

/** One message to an account: three rpcs (one read-only, one that may refuse) and an event. */
export type AccountMessage =
  | { readonly id: string; readonly kind: 'deposit' | 'withdraw' | 'deposited'; readonly amount: number }
  | { readonly id: string; readonly kind: 'balance' };

interface AccountState {
  balance: number;
}

/**
 * What a message does to an account and answers: the one definition the agent and the reference model
 * share, so the property compares delivery semantics, not two copies of the arithmetic.
 */
export function applyToAccount(state: AccountState, message: AccountMessage): unknown {
  if (message.kind === 'balance') return { balance: state.balance };
  if (message.kind === 'withdraw') {
    const ok = state.balance >= message.amount;
    if (ok) state.balance -= message.amount;
    return { ok, balance: state.balance };
  }
  state.balance += message.amount;
  return message.kind === 'deposit' ? { balance: state.balance } : undefined;
}

const Account = defineAgent({
  description: 'An account: deposits, withdrawals that refuse an overdraft, balance queries',
  state: (): AccountState => ({ balance: 0 }),
  handlers: (on) => [
    on.rpc(
      Deposit,
      (msg, ctx) =>
        applyToAccount(ctx.state, { id: ctx.messageId, kind: 'deposit', ...msg }) as { balance: number },
    ),
    on.rpc(
      Withdraw,
      (msg, ctx) =>
        applyToAccount(ctx.state, { id: ctx.messageId, kind: 'withdraw', ...msg }) as {
          ok: boolean;
          balance: number;
        },
    ),
    on.rpc(
      GetBalance,
      (_msg, ctx) => applyToAccount(ctx.state, { id: ctx.messageId, kind: 'balance' }) as { balance: number },
    ),
    on.event(Deposited, (msg, ctx) => {
      applyToAccount(ctx.state, { id: ctx.messageId, kind: 'deposited', ...msg });
    }),
  ],
});

const TYPES = {
  deposit: Deposit.name,
  withdraw: Withdraw.name,
  balance: GetBalance.name,
  deposited: Deposited.name,
};

/** The Lambda input that carries `message` to `account/<key>`: a send for an rpc, an EventBridge event. */
export function accountInput(key: string, message: AccountMessage): Record<string, unknown> {
  const metadata = {
    id: message.id,
    type: TYPES[message.kind],
    topicType: 'account.events',
    topicSource: key,
    correlationId: message.id,
    causationId: message.id,
    time: '2026-12-01T12:00:00.000Z',
    schemaVersion: ENVELOPE_SCHEMA_VERSION,
  };
  const data = message.kind === 'balance' ? {} : { amount: message.amount };
  if (message.kind !== 'deposited') {
    return { agentbridge: 'send', recipient: `account/${key}`, deadline: 4102444800000, metadata, data };
  }
  return {
    version: '0',
    id: `eb-${message.id}`,
    'detail-type': metadata.type,
    source: 'agentbridge.bank',
    account: '111122223333',
    time: metadata.time,
    region: 'us-east-1',
    resources: [],
    detail: { metadata, data },
  };
}

/**
 * The account agent's Lambda function, as its handler file would build it, on the given state store (and
 * Powertools persistence, which the function of a stateful agent is handed but does not use).
 */
export function accountFunction(stateStore: AgentStateStore, idempotency?: BasePersistenceLayer) {
  const runtime = new AwsRuntime({
    ...testClients(),
    config: testConfig({ source: 'agentbridge.bank', agentFunctions: new Map([['account', 'account-fn']]) }),
    stateStore,
    logger: { warn() {}, error() {} },
  });
  const handler = agentHandler({
    agentType: 'account',
    definition: Account,
    subscriptions: [new TypeSubscription('account.events', 'account')],
    deps: {
      runtime,
      ...quietPowertools('account'),
      deadLetters: new InMemoryDeadLetterSink(),
      ...(idempotency === undefined ? {} : { idempotency }),
    },
  });
  return (input: Record<string, unknown>): Promise<unknown> =>
    handler(structuredClone(input), fakeLambdaContext('account-fn', 30_000));
}

/** What the function answers for a message to `account/<key>` whose handler replied `reply`. */
export const answerOf = (key: string, message: AccountMessage, reply: unknown): unknown =>
  message.kind === 'deposited'
    ? { status: 'delivered', delivered: [`account/${key}`], unhandled: [] }
    : JSON.parse(JSON.stringify({ ok: true, result: reply }));
