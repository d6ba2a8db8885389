import type { MachineItem } from './machine-items.js';
import type { TraceEvent } from './trace-event.js';
import { NOTIFIED_BEFORE } from './traced-states.js';

/** Everything observed about one order, each part in its own order. */
export interface OrderObservations {
  /** The order's events on the bus, in bus order: OrderRequested, outcomes, state changes, triggers, rejections. */
  readonly bus: readonly TraceEvent[];
  readonly saga: readonly MachineItem[];
  readonly lifecycle: readonly MachineItem[];
  readonly notifications: readonly TraceEvent[];
  /** The types of the order's domain events the outbox put on the bus, in stream order (when the target shows them). */
  readonly domainEvents?: readonly string[];
}

/** Which machine put a bus event there (the others come from the demo or an agent). */
const PUBLISHED_BY: Readonly<Record<string, 'saga' | 'lifecycle'>> = {
  OrderCompleted: 'saga',
  OrderFailed: 'saga',
  OrderStateChanged: 'lifecycle',
};

class Cursor {
  #index = 0;
  constructor(
    private readonly items: readonly MachineItem[],
    private readonly emit: (event: TraceEvent) => void,
  ) {}

  /** Emits events up to and including the next anchor of this kind (or to the end). */
  through(anchor: 'wait' | 'publish'): void {
    while (this.#index < this.items.length) {
      const item = this.items[this.#index++] as MachineItem;
      if (item.kind === 'event') this.emit(item.event);
      else if (item.kind === anchor) return;
    }
  }

  rest(): void {
    while (this.#index < this.items.length) this.through('publish');
  }
}

/**
 * One order's trace in causal order, without trusting millisecond timestamps (everything here happens within
 * a few): the bus fixes the order of its events; a machine's steps before its n-th publish anchor happened
 * before its n-th event on the bus; the lifecycle's steps up to a wait happened before the trigger that
 * arrived during it (the demo sends a trigger only while the lifecycle waits); notifications come just before
 * the state change they were sent for.
 *
 * @example
 * ```ts
 * const events = orderTrace({ bus, saga: machineItems('saga', sagaHistory), lifecycle: machineItems('lifecycle', lifecycleHistory), notifications });
 * ```
 */
export function orderTrace(observations: OrderObservations): TraceEvent[] {
  const trace: TraceEvent[] = [];
  const pendingNotifications = [...observations.notifications].sort((a, b) => a.at - b.at);
  const emit = (event: TraceEvent): void => {
    if (
      event.kind === 'published' &&
      event.detailType === NOTIFIED_BEFORE.detailType &&
      event.data.to === NOTIFIED_BEFORE.to
    ) {
      trace.push(...pendingNotifications.splice(0));
    }
    trace.push(event);
  };
  const saga = new Cursor(observations.saga, emit);
  const lifecycle = new Cursor(observations.lifecycle, emit);
  // Whether the lifecycle is known to wait: a second trigger at the same wait (after a rejected one) must not
  // pull the steps that follow the wait in front of it.
  let waiting = false;
  for (const event of observations.bus) {
    if (event.kind === 'published' && PUBLISHED_BY[event.detailType] === 'saga') saga.through('publish');
    if (event.kind === 'published' && PUBLISHED_BY[event.detailType] === 'lifecycle') {
      lifecycle.through('publish');
      waiting = false;
    }
    if ((event.kind === 'trigger' || event.kind === 'rejected') && !waiting) {
      lifecycle.through('wait');
      waiting = true;
    }
    emit(event);
  }
  saga.rest();
  lifecycle.rest();
  trace.push(...pendingNotifications);
  return trace;
}
