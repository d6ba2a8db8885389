/** Which state machine a step ran in. */
export type TraceMachine = 'saga' | 'lifecycle';

/**
 * What a traced Task state is for: a forward step of the saga, a compensation (refund, release), a
 * post-transition action of the lifecycle (start processing, notify), or a wait for a lifecycle trigger.
 */
export type StepRole = 'step' | 'compensation' | 'action' | 'wait';

/**
 * One thing observed about an order, with the time it happened (epoch ms). The demo collects these from
 * wherever the target exposes them (execution histories, the event bus, the notification store) and turns
 * them into one readable block per order; nothing here depends on how the target runs.
 */
export type TraceEvent =
  /** The demo put OrderRequested on the bus. */
  | { readonly kind: 'requested'; readonly at: number }
  /** A traced Task state finished (ok) or failed for good (after its retries, caught or not). */
  | {
      readonly kind: 'step';
      readonly at: number;
      readonly machine: TraceMachine;
      readonly state: string;
      readonly role: StepRole;
      readonly status: 'ok' | 'failed';
      readonly retries: number;
      readonly error?: string;
      readonly cause?: string;
    }
  /** An event a state machine put on the bus (OrderCompleted, OrderFailed, OrderStateChanged). */
  | {
      readonly kind: 'published';
      readonly at: number;
      readonly detailType: string;
      readonly data: Readonly<Record<string, unknown>>;
    }
  /** The demo sent a lifecycle trigger; `detail` is what it carried worth showing (tracking number, reason). */
  | { readonly kind: 'trigger'; readonly at: number; readonly trigger: string; readonly detail?: string }
  /** The lifecycle refused a trigger the order was not waiting for (OrderTransitionRejected). */
  | {
      readonly kind: 'rejected';
      readonly at: number;
      readonly trigger: string;
      readonly state: string;
      readonly reason: string;
    }
  /** A notification the notification agent recorded (nothing is really sent). */
  | {
      readonly kind: 'notification';
      readonly at: number;
      readonly channel: string;
      readonly recipient: string;
      readonly text: string;
    }
  /** An execution ended; only the ones that did not succeed are worth a line. */
  | {
      readonly kind: 'execution';
      readonly at: number;
      readonly machine: TraceMachine;
      readonly status: string;
      readonly error?: string;
      readonly cause?: string;
    };

export type TraceEventKind = TraceEvent['kind'];
