import { createHash } from 'node:crypto';
import { type LocalIdentity, localArn } from './local-identity.js';

/** What `Ref` and `Fn::GetAtt` give for one resource, locally: its physical name, `Ref` value and attributes. */
export interface ResourceReference {
  readonly type: string;
  readonly name: string;
  readonly ref: string;
  readonly attributes: Readonly<Record<string, string>>;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * A name as CloudFormation generates one when the template names none, `<stack>-<logicalId>-<SUFFIX>`,
 * shortened to the service's limit; the 13-character suffix is a hash of stack and logical id, so every load
 * of the same cdk.out gives the same names.
 */
export function generatedName(stackName: string, logicalId: string, maxLength: number, ending = ''): string {
  const digest = createHash('sha256').update(`${stackName}/${logicalId}`).digest();
  const suffix = [...digest.subarray(0, 13)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
  const room = maxLength - suffix.length - 1 - ending.length;
  return `${`${stackName}-${logicalId}`.slice(0, room)}-${suffix}${ending}`;
}

interface ReferenceRule {
  readonly nameProperty: string | undefined;
  readonly maxLength: number;
  readonly build: (
    name: string,
    identity: LocalIdentity,
    properties: { readonly fifo: boolean; readonly eventBusName: string },
  ) => { ref: string; attributes: Record<string, string> };
}

const named = (arn: string, extra: Record<string, string> = {}) => ({ Arn: arn, ...extra });

/**
 * Per resource type: which property names it, how long a generated name may be, and its `Ref` and
 * attributes as AWS documents them (a queue's `Ref` is its URL, a state machine's its ARN, a rule on a custom
 * bus `bus|rule`).
 */
const RULES: Readonly<Record<string, ReferenceRule>> = {
  'AWS::DynamoDB::Table': {
    nameProperty: 'TableName',
    maxLength: 255,
    build: (name, identity) => {
      const arn = localArn(identity, 'dynamodb', `table/${name}`);
      return { ref: name, attributes: named(arn, { StreamArn: `${arn}/stream/1970-01-01T00:00:00.000` }) };
    },
  },
  'AWS::SQS::Queue': {
    nameProperty: 'QueueName',
    maxLength: 80,
    build: (name, identity) => {
      const url = `${identity.sqsEndpoint}/${identity.accountId}/${name}`;
      return {
        ref: url,
        attributes: named(localArn(identity, 'sqs', name), { QueueName: name, QueueUrl: url }),
      };
    },
  },
  'AWS::Lambda::Function': {
    nameProperty: 'FunctionName',
    maxLength: 64,
    build: (name, identity) => ({
      ref: name,
      attributes: named(localArn(identity, 'lambda', `function:${name}`)),
    }),
  },
  'AWS::Events::EventBus': {
    nameProperty: 'Name',
    maxLength: 256,
    build: (name, identity) => ({
      ref: name,
      attributes: named(localArn(identity, 'events', `event-bus/${name}`), { Name: name }),
    }),
  },
  'AWS::Events::Rule': {
    nameProperty: 'Name',
    maxLength: 64,
    build: (name, identity, { eventBusName }) => {
      const custom = eventBusName !== 'default';
      return {
        ref: custom ? `${eventBusName}|${name}` : name,
        attributes: named(
          localArn(identity, 'events', custom ? `rule/${eventBusName}/${name}` : `rule/${name}`),
        ),
      };
    },
  },
  'AWS::StepFunctions::StateMachine': {
    nameProperty: 'StateMachineName',
    maxLength: 80,
    build: (name, identity) => {
      const arn = localArn(identity, 'states', `stateMachine:${name}`);
      return { ref: arn, attributes: named(arn, { Name: name }) };
    },
  },
  'AWS::IAM::Role': {
    nameProperty: 'RoleName',
    maxLength: 64,
    build: (name, identity) => ({
      ref: name,
      attributes: named(`arn:${identity.partition}:iam::${identity.accountId}:role/${name}`, {
        RoleId: name,
      }),
    }),
  },
  'AWS::IAM::ManagedPolicy': {
    nameProperty: 'ManagedPolicyName',
    maxLength: 128,
    build: (name, identity) => {
      const arn = `arn:${identity.partition}:iam::${identity.accountId}:policy/${name}`;
      return { ref: arn, attributes: { PolicyArn: arn } };
    },
  },
  'AWS::Logs::LogGroup': {
    nameProperty: 'LogGroupName',
    maxLength: 512,
    build: (name, identity) => ({
      ref: name,
      attributes: named(localArn(identity, 'logs', `log-group:${name}:*`)),
    }),
  },
  'AWS::CloudWatch::Alarm': {
    nameProperty: 'AlarmName',
    maxLength: 255,
    build: (name, identity) => ({
      ref: name,
      attributes: named(localArn(identity, 'cloudwatch', `alarm:${name}`)),
    }),
  },
  'AWS::SNS::Topic': {
    nameProperty: 'TopicName',
    maxLength: 256,
    build: (name, identity) => {
      const arn = localArn(identity, 'sns', name);
      return { ref: arn, attributes: { TopicArn: arn, TopicName: name } };
    },
  },
};

/** The name property of a resource type the local cloud names like AWS, if it has one. */
export const nameProperty = (type: string): string | undefined => RULES[type]?.nameProperty;

/**
 * The local `Ref` and attributes of one resource given its physical name (explicit, or `undefined` to
 * generate one). Types without a rule get a generated name as `Ref` and no attributes.
 */
export function resourceReference(
  type: string,
  where: { readonly stackName: string; readonly logicalId: string },
  explicitName: string | undefined,
  identity: LocalIdentity,
  properties: { readonly fifo: boolean; readonly eventBusName: string },
): ResourceReference {
  const rule = RULES[type];
  const ending = type === 'AWS::SQS::Queue' && properties.fifo ? '.fifo' : '';
  const name =
    explicitName ?? generatedName(where.stackName, where.logicalId, rule?.maxLength ?? 128, ending);
  if (rule === undefined) return { type, name, ref: name, attributes: {} };
  return { type, name, ...rule.build(name, identity, properties) };
}
