/**
 * EventBridge `source` values. Every agentbridge producer writes `agentbridge.<agent type>`; outside
 * services use their own source and are matched by detail-type and topic, never by source.
 */
export const SOURCE_PREFIX = 'agentbridge.';

/** The `source` an agent type's events carry, e.g. `agentbridge.payment`. */
export const sourceFor = (agentType: string): string => `${SOURCE_PREFIX}${agentType}`;

/** The outbox publisher's source: events it forwards were written by the event store, not an agent. */
export const OUTBOX_SOURCE = `${SOURCE_PREFIX}outbox`;
