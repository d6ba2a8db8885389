import { randomUUID } from 'node:crypto';
import type { LocalCloudContext } from '../local-cloud-ports.js';
import type { LocalRule } from '../local-deployment.js';
import { DEFAULT_LOCAL_IDENTITY } from '../local-identity.js';
import { eventTime } from './put-events-request.js';
import type { TargetDeliveries } from './target-deliveries.js';
import type { BusEvent } from './target-input.js';

const UNIT_MS: Readonly<Record<string, number>> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
const RATE = /^rate\((\d+) (minute|hour|day)(s?)\)$/;

/**
 * The period of a rate expression in milliseconds (`rate(5 minutes)` → 300 000), or undefined when it is
 * not one EventBridge accepts (a cron expression, `rate(1 minutes)`, `rate(0 hours)`).
 */
export function ratePeriodMs(expression: string): number | undefined {
  const match = RATE.exec(expression.trim());
  if (match === null) return undefined;
  const [, amount, unit = '', plural] = match;
  const value = Number(amount);
  if (value < 1 || (value === 1) !== (plural === '')) return undefined;
  return value * (UNIT_MS[unit] ?? 0);
}

/**
 * The deployment's enabled rate-schedule rules on the cloud's clock: each fires one period after the cloud
 * starts and every period after, as EventBridge fires a rule after it is created, handing its targets the
 * "Scheduled Event" EventBridge sends (source `aws.events`, the rule's ARN as resource, an empty detail)
 * under their retry policies and dead-letter queues; every firing is journaled. Moving the clock by an hour
 * fires a 1-minute schedule sixty times, in order.
 */
export class ScheduleRules {
  readonly #context: LocalCloudContext;
  readonly #deliveries: TargetDeliveries;
  readonly #cancels = new Map<string, () => void>();
  readonly #account: string;
  readonly #region: string;

  constructor(context: LocalCloudContext, deliveries: TargetDeliveries) {
    this.#context = context;
    this.#deliveries = deliveries;
    const identity = context.deployment.stacks[0]?.identity ?? DEFAULT_LOCAL_IDENTITY;
    this.#account = identity.accountId;
    this.#region = identity.region;
    for (const rule of context.deployment.rules) {
      if (rule.state === 'DISABLED' || rule.scheduleExpression === undefined) continue;
      const periodMs = ratePeriodMs(rule.scheduleExpression);
      if (periodMs !== undefined) this.#arm(rule, periodMs);
    }
  }

  /** How many schedules are running. */
  get running(): number {
    return this.#cancels.size;
  }

  /** Stops every schedule. */
  close(): void {
    for (const cancel of this.#cancels.values()) cancel();
    this.#cancels.clear();
  }

  #arm(rule: LocalRule, periodMs: number): void {
    const cancel = this.#context.clock.schedule(() => {
      if (!this.#cancels.has(rule.arn)) return;
      this.#arm(rule, periodMs);
      this.#fire(rule);
    }, periodMs);
    this.#cancels.set(rule.arn, cancel);
  }

  #fire(rule: LocalRule): void {
    const now = this.#context.clock.now();
    const event: BusEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: this.#account,
      time: eventTime(undefined, now),
      region: this.#region,
      resources: [rule.arn],
      detail: {},
    };
    const eventJson = JSON.stringify(event);
    this.#context.journal.record({
      service: 'events',
      action: 'Scheduled',
      resource: rule.name,
      payload: eventJson,
    });
    for (const target of rule.targets) {
      this.#deliveries.start({ rule, target, event, eventJson, ingestedAt: now });
    }
  }
}
