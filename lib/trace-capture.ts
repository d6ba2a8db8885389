import { LIFECYCLE_AGENT_TYPE } from '../lambdas/contracts/order/lifecycle-tasks.js';
import { ORDER_AGENT_TYPES } from '../lambdas/contracts/order/order-agent-types.js';
import { SAGA_STARTER_AGENT_TYPE } from '../lambdas/contracts/order/order-saga-io.js';
import { OUTBOX_FUNCTION_TYPE, SNAPSHOT_FUNCTION_TYPE } from './constructs/event-store-functions.js';
import { NO_TRACE_CAPTURE, type TraceCapture } from './constructs/trace-capture-environment.js';

/**
 * The decision per function, keyed by agent (function) type, with the reason next to each. Responses are
 * captured only where they carry no customer data; errors wherever their messages name only ids, codes and
 * amounts.
 */
export const TRACE_CAPTURE: Readonly<Record<string, TraceCapture>> = {
  // User views carry email and name; EMAIL_ALREADY_TAKEN quotes the email address.
  [ORDER_AGENT_TYPES.users]: { response: false, error: false },
  // Reservations are SKUs and quantities; errors name saga ids and SKUs.
  [ORDER_AGENT_TYPES.inventory]: { response: true, error: true },
  // Charge results belong to the customer's payment; declines name an amount and a reason code only.
  [ORDER_AGENT_TYPES.payment]: { response: false, error: true },
  // Order views carry the customer, lines and totals; errors name order ids and states.
  [ORDER_AGENT_TYPES.orders]: { response: false, error: true },
  // Notifications carry message text and contact details; RECIPIENT_UNKNOWN names a user id only.
  [ORDER_AGENT_TYPES.notification]: { response: false, error: true },
  // Task tokens are bearer secrets, and a failed SendTask* error can quote the token it was given.
  [LIFECYCLE_AGENT_TYPE]: { response: false, error: false },
  // Delivery summaries list the agents an event reached (order ids); errors name executions.
  [SAGA_STARTER_AGENT_TYPE]: { response: false, error: true },
  // Stream consumers answer with batch item failures (sequence numbers); errors name streams and versions.
  [OUTBOX_FUNCTION_TYPE]: { response: true, error: true },
  [SNAPSHOT_FUNCTION_TYPE]: { response: true, error: true },
};

/**
 * The trace capture decided for a function type; {@link NO_TRACE_CAPTURE} when none was.
 *
 * @example
 * ```ts
 * traceCaptureFor('users'); // { response: false, error: false }
 * ```
 */
export const traceCaptureFor = (agentType: string): TraceCapture =>
  TRACE_CAPTURE[agentType] ?? NO_TRACE_CAPTURE;
