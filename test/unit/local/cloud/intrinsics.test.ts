import { describe, expect, it } from 'vitest';
import { loadLocalDeployment } from '../../../../local/cloud/load-local-deployment.js';
import { stagedCdkOut } from './staged-cdk-out.js';

const DIR = stagedCdkOut('intrinsics');

const probe = (options: Parameters<typeof loadLocalDeployment>[1] = {}) => {
  const deployment = loadLocalDeployment(DIR, options);
  const fn = deployment.functions.find((candidate) => candidate.logicalId === 'Probe');
  if (fn === undefined) throw new Error('the fixture has a Probe function');
  return { deployment, fn, env: fn.environment };
};

describe('resolving intrinsics to local values', () => {
  it('gives a queue its URL for Ref and its name and ARN for Fn::GetAtt', () => {
    const { env } = probe();
    expect(env.REF_QUEUE).toBe('http://sqs.us-east-1.localhost.localstack.cloud:4566/000000000000/jobs');
    expect(env.GETATT_ARRAY).toBe('arn:aws:sqs:us-east-1:000000000000:jobs');
  });

  it('names unnamed resources as CloudFormation does, the same on every load, FIFO queues ending in .fifo', () => {
    const first = probe().env;
    expect(first.REF_TABLE).toMatch(/^Intrinsics-Orders-[A-Z0-9]{13}$/);
    expect(first.REF_UNNAMED_QUEUE).toMatch(/\/000000000000\/Intrinsics-Unnamed-[A-Z0-9]{13}$/);
    expect(first.REF_FIFO_QUEUE).toMatch(/^Intrinsics-Ordered-[A-Z0-9]{13}\.fifo$/);
    expect(probe().env.REF_TABLE).toBe(first.REF_TABLE);
  });

  it('gives a bus its name, a state machine its ARN, a table its stream ARN (string form of Fn::GetAtt)', () => {
    const { env } = probe();
    expect(env.REF_BUS).toBe('bus-a');
    expect(env.REF_MACHINE).toBe('arn:aws:states:us-east-1:000000000000:stateMachine:Intrinsics-flow');
    expect(env.GETATT_MACHINE_NAME).toBe('Intrinsics-flow');
    expect(env.GETATT_DOTTED).toBe(
      `arn:aws:dynamodb:us-east-1:000000000000:table/${env.REF_TABLE}/stream/1970-01-01T00:00:00.000`,
    );
  });

  it('resolves the pseudo parameters in the local identity', () => {
    const { env } = probe();
    expect([env.REGION, env.ACCOUNT, env.PARTITION, env.URL_SUFFIX, env.STACK_NAME]).toEqual([
      'us-east-1',
      '000000000000',
      'aws',
      'amazonaws.com',
      'Intrinsics',
    ]);
    expect(env.FIRST_ZONE).toBe('us-east-1a');
  });

  it('builds every ARN in a configured identity', () => {
    const { env, fn } = probe({ identity: { accountId: '111111111111', region: 'eu-west-1' } });
    expect(env.GETATT_ARRAY).toBe('arn:aws:sqs:eu-west-1:111111111111:jobs');
    expect(env.REF_QUEUE).toBe('http://sqs.eu-west-1.localhost.localstack.cloud:4566/111111111111/jobs');
    expect(fn.arn).toBe('arn:aws:lambda:eu-west-1:111111111111:function:Intrinsics-probe');
  });

  it('reads parameters from their defaults, list parameters as lists, and takes values given at load', () => {
    expect(probe().env.REF_PARAMETER).toBe('dev');
    expect(probe().env.REF_LIST_PARAMETER).toBe('a+b');
    expect(probe({ parameters: { Stage: 'prod' } }).env.REF_PARAMETER).toBe('prod');
  });

  it('joins, substitutes (both forms, escaped literals kept), selects and splits', () => {
    const { env } = probe();
    expect(env.JOIN).toBe('a:dev:arn:aws:events:us-east-1:000000000000:event-bus/bus-a');
    expect(env.SUB).toBe(`arn:aws:sqs:us-east-1:000000000000:jobs \${Literal} bus-a`);
    expect(env.SUB_WITH_VARIABLES).toBe('bus-a-dev');
    expect(env.SELECT_SPLIT).toBe('b');
    expect(env.BASE64).toBe(Buffer.from('dev').toString('base64'));
  });

  it('evaluates conditions (Equals, Not, And, Or, Condition) for Fn::If and drops AWS::NoValue', () => {
    const dev = probe().env;
    expect([dev.IF, dev.IF_AND, dev.IF_OR]).toEqual(['dev-value', 'dev-in-us-east-1', 'neither']);
    expect(dev).not.toHaveProperty('IF_NO_VALUE');
    const prod = probe({ parameters: { Stage: 'prod' } }).env;
    expect([prod.IF, prod.IF_AND, prod.IF_OR, prod.IF_NO_VALUE]).toEqual([
      'prod-value',
      'elsewhere',
      'prod-or-europe',
      'only-in-prod',
    ]);
  });

  it('leaves out a resource whose condition is false', () => {
    expect(probe().deployment.queues.map((queue) => queue.name)).not.toContain('prod-only');
    expect(probe({ parameters: { Stage: 'prod' } }).deployment.queues.map((queue) => queue.name)).toContain(
      'prod-only',
    );
  });

  it('reads mappings with Fn::FindInMap', () => {
    expect(probe().fn.memoryMb).toBe(256);
    expect(probe({ parameters: { Stage: 'prod' } }).fn.memoryMb).toBe(1024);
  });

  it('imports the export of a stack it depends on', () => {
    const { env, deployment } = probe();
    expect(env.IMPORT).toBe('arn:aws:sqs:us-east-1:000000000000:shared-inbox');
    expect(deployment.stacks.map((stack) => stack.stackName)).toEqual(['Shared', 'Intrinsics']);
  });

  it('lists an intrinsic or attribute it cannot resolve once, and leaves a visible stand-in', () => {
    const { env, deployment } = probe();
    expect(env.CIDR).toBe('unresolved:Fn::Cidr');
    expect(env.UNKNOWN_ATTRIBUTE).toBe('unresolved:Jobs.Nonexistent');
    const unresolved = deployment.notModelled.filter(
      (entry) => entry.logicalId === 'Probe' && entry.disposition === 'unsupported',
    );
    expect(unresolved.map((entry) => entry.what)).toEqual(['Fn::Cidr', 'Fn::GetAtt Jobs.Nonexistent']);
  });
});
