import { randomUUID } from 'node:crypto';
import { compileEventPattern } from '../../../lambdas/runtime/event-pattern/compile-event-pattern.js';
import type { CompiledEventPattern } from '../../../lambdas/runtime/event-pattern/compiled-event-pattern.js';
import type {
  LocalCloudContext,
  LocalFaults,
  PutEventsEntry,
  PutEventsResult,
} from '../local-cloud-ports.js';
import type { LocalEventBus, LocalRule } from '../local-deployment.js';
import { DEFAULT_LOCAL_IDENTITY } from '../local-identity.js';
import { eventTime, refuseEntry } from './put-events-request.js';
import type { TargetDeliveries } from './target-deliveries.js';
import type { BusEvent } from './target-input.js';

interface RoutedRule {
  readonly rule: LocalRule;
  readonly pattern: CompiledEventPattern;
}

/** The bus a name or ARN (`arn:…:event-bus/<name>`) names; `default` when none is given. */
export const busNameOf = (nameOrArn: string | undefined): string => {
  if (nameOrArn === undefined || nameOrArn === '') return 'default';
  const marker = nameOrArn.indexOf(':event-bus/');
  return marker < 0 ? nameOrArn : nameOrArn.slice(marker + ':event-bus/'.length);
};

/**
 * The deployment's buses and their enabled pattern rules, compiled once: PutEvents turns each accepted entry
 * into the event AWS delivers, journals it on its bus and hands it to every target of every rule it matches.
 * Rules without a pattern (schedules) and disabled rules never match.
 */
export class EventBuses {
  readonly #context: LocalCloudContext;
  readonly #deliveries: TargetDeliveries;
  readonly #buses: ReadonlyMap<string, LocalEventBus>;
  readonly #routes: ReadonlyMap<string, readonly RoutedRule[]>;
  readonly #account: string;
  readonly #region: string;

  readonly #faults: LocalFaults;

  constructor(context: LocalCloudContext, deliveries: TargetDeliveries, faults: LocalFaults) {
    this.#context = context;
    this.#deliveries = deliveries;
    this.#faults = faults;
    const { deployment } = context;
    const identity = deployment.stacks[0]?.identity ?? DEFAULT_LOCAL_IDENTITY;
    this.#account = identity.accountId;
    this.#region = identity.region;
    this.#buses = new Map(deployment.eventBuses.map((bus) => [bus.name, bus]));
    const routes = new Map<string, RoutedRule[]>();
    for (const rule of deployment.rules) {
      if (rule.state === 'DISABLED' || rule.eventPattern === undefined) continue;
      const routed = { rule, pattern: compileEventPattern(rule.eventPattern) };
      routes.set(rule.eventBusName, [...(routes.get(rule.eventBusName) ?? []), routed]);
    }
    this.#routes = routes;
  }

  /** The bus by name or ARN, if the deployment has it. */
  bus(nameOrArn: string | undefined): LocalEventBus | undefined {
    return this.#buses.get(busNameOf(nameOrArn));
  }

  get buses(): readonly LocalEventBus[] {
    return [...this.#buses.values()];
  }

  /** PutEvents on entries already past the request-level checks: one result per entry, in order. */
  putEvents(entries: readonly PutEventsEntry[]): PutEventsResult {
    const results = entries.map((entry) => this.#put(entry));
    return {
      FailedEntryCount: results.filter((result) => result.EventId === undefined).length,
      Entries: results,
    };
  }

  #put(entry: PutEventsEntry): PutEventsResult['Entries'][number] {
    const refusal = refuseEntry(entry);
    const bus = this.bus(entry.EventBusName);
    const failure =
      refusal ??
      (bus === undefined
        ? {
            ErrorCode: 'ResourceNotFoundException',
            ErrorMessage: `Event bus ${busNameOf(entry.EventBusName)} does not exist.`,
          }
        : undefined);
    if (failure !== undefined || bus === undefined) {
      this.#context.journal.record({
        service: 'events',
        action: 'PutEventsRejected',
        resource: busNameOf(entry.EventBusName),
        payload: JSON.stringify(entry),
        detail: `${failure?.ErrorCode}: ${failure?.ErrorMessage}`,
      });
      return failure ?? {};
    }
    const now = this.#context.clock.now();
    const event: BusEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType ?? '',
      source: entry.Source ?? '',
      account: this.#account,
      time: eventTime(entry.Time, now),
      region: this.#region,
      resources: entry.Resources ?? [],
      detail: JSON.parse(entry.Detail ?? '{}') as Record<string, unknown>,
    };
    const eventJson = JSON.stringify(event);
    this.#context.journal.record({
      service: 'events',
      action: 'PutEvents',
      resource: bus.name,
      payload: eventJson,
    });
    for (const { rule, pattern } of this.#routes.get(bus.name) ?? []) {
      if (!pattern.matches(event)) continue;
      for (const target of rule.targets) {
        const job = { rule, target, event, eventJson, ingestedAt: now };
        this.#deliveries.start(job);
        if (this.#faults.duplicateDeliveries) this.#deliveries.start(job);
      }
    }
    return { EventId: event.id };
  }
}
