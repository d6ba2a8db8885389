import { compileEventPattern } from '../../../lambdas/runtime/event-pattern/compile-event-pattern.js';
import { isInvalidEventPatternError } from '../../../lambdas/runtime/event-pattern/invalid-event-pattern-error.js';
import { AwsServiceError, type JsonOperation } from '../endpoint/aws-service.js';
import type { LocalRule, LocalRuleTarget } from '../local-deployment.js';
import { busNameOf, type EventBuses } from './event-buses.js';

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const ruleShape = (rule: LocalRule) => ({
  Name: rule.name,
  Arn: rule.arn,
  ...(rule.eventPattern === undefined ? {} : { EventPattern: JSON.stringify(rule.eventPattern) }),
  ...(rule.scheduleExpression === undefined ? {} : { ScheduleExpression: rule.scheduleExpression }),
  State: rule.state,
  EventBusName: rule.eventBusName,
});

const targetShape = (target: LocalRuleTarget) => ({
  Id: target.id,
  Arn: target.destination.arn,
  ...(target.roleArn === undefined ? {} : { RoleArn: target.roleArn }),
  ...(target.input === undefined ? {} : { Input: target.input }),
  ...(target.inputPath === undefined ? {} : { InputPath: target.inputPath }),
  ...(target.inputTransformer === undefined
    ? {}
    : {
        InputTransformer: {
          InputPathsMap: target.inputTransformer.inputPathsMap,
          InputTemplate: target.inputTransformer.inputTemplate,
        },
      }),
  ...(target.deadLetterQueue === undefined ? {} : { DeadLetterConfig: { Arn: target.deadLetterQueue.arn } }),
  RetryPolicy: {
    MaximumRetryAttempts: target.retryPolicy.maximumRetryAttempts,
    MaximumEventAgeInSeconds: target.retryPolicy.maximumEventAgeSeconds,
  },
  ...(target.messageGroupId === undefined
    ? {}
    : { SqsParameters: { MessageGroupId: target.messageGroupId } }),
});

/** The page of `items` after `NextToken` (an offset) of at most `Limit` items. */
const page = <T>(items: readonly T[], input: Record<string, unknown>): { items: T[]; next?: string } => {
  const start = Number(text(input.NextToken) ?? '0') || 0;
  const limit = typeof input.Limit === 'number' && input.Limit > 0 ? input.Limit : 100;
  const end = start + limit;
  return { items: items.slice(start, end), ...(end < items.length ? { next: String(end) } : {}) };
};

const REQUIRED_EVENT_FIELDS = ['id', 'account', 'source', 'time', 'region', 'detail-type'];

/**
 * The read-side EventBridge operations over the deployment's buses and rules, so the AWS CLI and tests can
 * look: ListEventBuses, DescribeEventBus, ListRules, DescribeRule, ListTargetsByRule, TestEventPattern.
 */
export function describeOperations(
  buses: EventBuses,
  rules: readonly LocalRule[],
): Readonly<Record<string, JsonOperation>> {
  const busOrThrow = (nameOrArn: unknown) => {
    const bus = buses.bus(text(nameOrArn));
    if (bus === undefined) {
      throw new AwsServiceError(
        'ResourceNotFoundException',
        `Event bus ${busNameOf(text(nameOrArn))} does not exist.`,
      );
    }
    return bus;
  };
  const ruleOrThrow = (input: Record<string, unknown>) => {
    const bus = busOrThrow(input.EventBusName);
    const name = text(input.Name) ?? text(input.Rule);
    const rule = rules.find((candidate) => candidate.eventBusName === bus.name && candidate.name === name);
    if (rule === undefined) {
      throw new AwsServiceError(
        'ResourceNotFoundException',
        `Rule ${name} does not exist on EventBus ${bus.name}.`,
      );
    }
    return rule;
  };
  return {
    ListEventBuses: async (input) => {
      const prefix = text(input.NamePrefix) ?? '';
      const { items, next } = page(
        buses.buses.filter((bus) => bus.name.startsWith(prefix)),
        input,
      );
      return { EventBuses: items.map((bus) => ({ Name: bus.name, Arn: bus.arn })), NextToken: next };
    },
    DescribeEventBus: async (input) => {
      const bus = busOrThrow(input.Name);
      return { Name: bus.name, Arn: bus.arn };
    },
    ListRules: async (input) => {
      const bus = busOrThrow(input.EventBusName);
      const prefix = text(input.NamePrefix) ?? '';
      const { items, next } = page(
        rules.filter((rule) => rule.eventBusName === bus.name && rule.name.startsWith(prefix)),
        input,
      );
      return { Rules: items.map(ruleShape), NextToken: next };
    },
    DescribeRule: async (input) => ruleShape(ruleOrThrow(input)),
    ListTargetsByRule: async (input) => {
      const { items, next } = page(ruleOrThrow(input).targets, input);
      return { Targets: items.map(targetShape), NextToken: next };
    },
    TestEventPattern: async (input) => {
      let event: unknown;
      try {
        event = JSON.parse(text(input.Event) ?? '');
      } catch (cause) {
        throw new AwsServiceError('InvalidEventPatternException', 'Event is not valid JSON.', { cause });
      }
      const fields = event !== null && typeof event === 'object' ? Object.keys(event) : [];
      const missing = REQUIRED_EVENT_FIELDS.filter((field) => !fields.includes(field));
      if (missing.length > 0) {
        throw new AwsServiceError(
          'InvalidEventPatternException',
          `Parameter Event is not valid. Reason: Provided Event is missing required fields: ${missing.join(', ')}.`,
        );
      }
      try {
        return {
          Result: compileEventPattern(text(input.EventPattern) ?? '').matches(
            event as Record<string, unknown>,
          ),
        };
      } catch (error) {
        if (!isInvalidEventPatternError(error)) throw error;
        throw new AwsServiceError(
          'InvalidEventPatternException',
          `Event pattern is not valid. Reason: ${error.message}`,
        );
      }
    },
  };
}
