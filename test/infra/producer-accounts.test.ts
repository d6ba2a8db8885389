import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { describe, expect, it } from 'vitest';
import { ProducerBusPolicy, parseProducerAccounts } from '../../lib/constructs/producer-bus-policy.js';
import { InvalidContextError } from '../../lib/infra-error.js';

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

  it('adds no bus policy when no producer account is configured', () => {
    const stack = new Stack(new App(), 'NoProducers');
    const policy = new ProducerBusPolicy(stack, 'Producers', {
      eventBus: new EventBus(stack, 'Bus'),
      producerAccounts: [],
    });
    expect(policy.statement).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('AWS::Events::EventBusPolicy', 0);
  });
});
