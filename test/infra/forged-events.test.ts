import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { ORDER_EVENT_TYPES } from '../../lambdas/contracts/order/order-events.js';
import { EXTERNAL_ORDER_INPUTS } from '../../lambdas/contracts/order/order-producers.js';
import { USER_EVENT_TYPES } from '../../lambdas/contracts/users/user-events.js';
import { compileEventPattern } from '../../lambdas/runtime/event-pattern/compile-event-pattern.js';
import { matchEventPattern } from '../../lambdas/runtime/event-pattern/match-event-pattern.js';
import { AgentbridgeStack } from '../../lib/agentbridge-stack.js';
import {
  BUS_MESSAGES,
  busEvent,
  forgedSenders,
  OWN_ACCOUNT,
  PRODUCER_ACCOUNTS,
  type Shape,
} from './support/forgery-catalogue.js';

/**
 * The order system's stack as `cdk synth` writes it (bundling skipped), in account OWN_ACCOUNT, with each
 * external producer configured in an account of its own: the rules are read back from the template JSON and
 * matched with the local cloud's EventBridge matcher, exactly as the bus would see them.
 */
const outdir = mkdtempSync(join(tmpdir(), 'agentbridge-forgery-'));
const app = new App({
  outdir,
  context: {
    'aws:cdk:bundling-stacks': [],
    producers: Object.fromEntries(
      Object.entries(PRODUCER_ACCOUNTS).map(([detailType, account]) => [detailType, { accounts: [account] }]),
    ),
  },
});
new AgentbridgeStack(app, 'AgentBridge', { env: { account: OWN_ACCOUNT, region: 'us-east-1' } });
app.synth();
const template = JSON.parse(readFileSync(join(outdir, 'AgentBridge.template.json'), 'utf8')) as {
  Resources: Record<string, { Type: string; Properties: { Description?: string; EventPattern?: unknown } }>;
};
const rules = Object.values(template.Resources)
  .filter((resource) => resource.Type === 'AWS::Events::Rule')
  .map((rule) => ({
    subscription: (rule.Properties.Description ?? '').replace(/^agentbridge subscription /, ''),
    raw: rule.Properties.EventPattern as Record<string, unknown>,
    pattern: compileEventPattern(JSON.stringify(rule.Properties.EventPattern)),
  }));

const matchingRules = (event: Record<string, unknown>): string[] =>
  rules.filter((rule) => matchEventPattern(rule.pattern, event)).map((rule) => rule.subscription);

const SHAPES: readonly Shape[] = ['enveloped', 'bare'];
const data = { orderId: 'o-forgery', paymentId: 'pay_1', trackingNumber: '1Z999', userId: 'u-1' };

const legitimate = BUS_MESSAGES.flatMap((message) =>
  SHAPES.flatMap((shape) => {
    const expected = message.rules[shape];
    if (expected === undefined) return [];
    return message.accounts.map((account) => ({ message, shape, account, expected }));
  }),
);
const forged = BUS_MESSAGES.flatMap((message) =>
  SHAPES.flatMap((shape) => forgedSenders(message).map((from) => ({ message, shape, from }))),
);

describe('forged events against the synthesized rules', () => {
  it('covers every externally consumed and every internal detail-type', () => {
    const types = BUS_MESSAGES.map((message) => message.detailType);
    expect(new Set(types)).toEqual(
      new Set([
        ...EXTERNAL_ORDER_INPUTS,
        ...USER_EVENT_TYPES,
        ...ORDER_EVENT_TYPES,
        'OrderCompleted',
        'OrderFailed',
        'OrderStateChanged',
        'OrderTransitionRejected',
      ]),
    );
    expect(
      BUS_MESSAGES.filter((message) => message.external)
        .map((m) => m.detailType)
        .sort(),
    ).toEqual([...EXTERNAL_ORDER_INPUTS].sort());
    // 20 detail-types × 2 shapes × 5 forged senders.
    expect(forged).toHaveLength(BUS_MESSAGES.length * SHAPES.length * 5);
  });

  it('deploys no rule that admits an event without naming its detail-type, source and account', () => {
    expect(rules.length).toBeGreaterThan(0);
    for (const { subscription, raw } of rules) {
      const alternatives = (raw.$or as Record<string, unknown>[] | undefined) ?? [raw];
      for (const alternative of alternatives) {
        expect(Object.keys(alternative), subscription).toEqual(
          expect.arrayContaining(['detail-type', 'source', 'account']),
        );
        const accounts = alternative.account as unknown[];
        expect(accounts, subscription).toContain(OWN_ACCOUNT);
        for (const account of accounts) expect(account, subscription).toMatch(/^\d{12}$/);
      }
    }
  });

  it.each(legitimate.map((c) => [c.message.detailType, c.shape, c.account, c] as const))(
    'a legitimate %s (%s, account %s) matches exactly its rules',
    (_type, shape, account, { message, expected }) => {
      const event = busEvent(message, shape, { source: message.source, account }, data, 'legit-1');
      expect(matchingRules(event).sort()).toEqual([...expected].sort());
    },
  );

  it.each(forged.map((c) => [c.message.detailType, c.shape, c.from.how, c] as const))(
    'a forged %s (%s, from %s) matches no rule',
    (_type, shape, _how, { message, from }) => {
      expect(matchingRules(busEvent(message, shape, from, data, 'forged-1'))).toEqual([]);
    },
  );
});
