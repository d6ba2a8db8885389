import { App, Stack } from 'aws-cdk-lib';
import { CfnEventBusPolicy, EventBus } from 'aws-cdk-lib/aws-events';
import { describe, expect, it } from 'vitest';
import { InvalidContextError } from '../../lib/constructs/infra-error.js';
import { ProducerBusPolicy, parseProducerAccounts } from '../../lib/constructs/producer-bus-policy.js';
import { producerDirectoryFromContext } from '../../lib/constructs/producer-directory-context.js';

describe('producerAccounts context', () => {
  it('reads a JSON list from cdk.json and a comma-separated -c value alike, without duplicates', () => {
    expect(parseProducerAccounts(['111111111111', '222222222222', '111111111111'])).toEqual([
      '111111111111',
      '222222222222',
    ]);
    expect(parseProducerAccounts('111111111111, 222222222222')).toEqual(['111111111111', '222222222222']);
  });

  it('means no producer account when absent or empty', () => {
    expect(parseProducerAccounts(undefined)).toEqual([]);
    expect(parseProducerAccounts('')).toEqual([]);
    expect(parseProducerAccounts([])).toEqual([]);
  });

  it('fails the synth on anything that is not a 12-digit account id, naming the values', () => {
    expect(() => parseProducerAccounts(['111111111111', 'arn:aws:iam::1:root'])).toThrow(InvalidContextError);
    expect(() => parseProducerAccounts('12345')).toThrow(/producerAccounts.*"12345"/);
    expect(() => parseProducerAccounts({ account: '111111111111' })).toThrow(/list of AWS account ids/);
  });

  it('adds no bus policy when no producer names another account', () => {
    const stack = new Stack(new App(), 'NoProducers');
    const policy = new ProducerBusPolicy(stack, 'Producers', {
      eventBus: new EventBus(stack, 'Bus'),
      producers: { PaymentCompleted: { sources: ['payments.gateway'], accounts: [] } },
    });
    expect(policy.statements).toEqual([]);
    // Counted on the construct tree: a synthesized template here would only measure the CDK's start-up time.
    expect(stack.node.findAll().filter((construct) => construct instanceof CfnEventBusPolicy)).toEqual([]);
  });
});

describe('producers context', () => {
  const defaults = { OrderRequested: 'shop.checkout', PaymentCompleted: 'payments.gateway' };

  it('gives every external detail-type its default source and no other account when nothing is configured', () => {
    expect(producerDirectoryFromContext({ defaults, producers: undefined, producerAccounts: [] })).toEqual({
      OrderRequested: { sources: ['shop.checkout'], accounts: [] },
      PaymentCompleted: { sources: ['payments.gateway'], accounts: [] },
    });
  });

  it('renames a source and names accounts per detail-type, producerAccounts standing in where none is named', () => {
    const directory = producerDirectoryFromContext({
      defaults,
      producers: '{"PaymentCompleted":{"source":"acme.payments","accounts":["222222222222"]}}',
      producerAccounts: ['111111111111'],
    });
    expect(directory).toEqual({
      OrderRequested: { sources: ['shop.checkout'], accounts: ['111111111111'] },
      PaymentCompleted: { sources: ['acme.payments'], accounts: ['222222222222'] },
    });
  });

  it('fails the synth on an unknown detail-type, an agentbridge source or a malformed account', () => {
    const parse = (producers: unknown) =>
      producerDirectoryFromContext({ defaults, producers, producerAccounts: [] });
    expect(() => parse({ OrderStateChanged: { accounts: ['222222222222'] } })).toThrow(
      /producers.*OrderStateChanged/,
    );
    expect(() => parse({ PaymentCompleted: { source: 'agentbridge.payment' } })).toThrow(/reserved/);
    expect(() => parse({ PaymentCompleted: { accounts: ['12345'] } })).toThrow(InvalidContextError);
    expect(() => parse({ PaymentCompleted: { sources: ['typo'] } })).toThrow(InvalidContextError);
    expect(() => parse('{not json')).toThrow(/producers.*not JSON/);
  });
});
