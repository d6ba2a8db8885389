import { InvalidEventError } from './invalid-event-error.js';
import { isJsonObject } from './json-value.js';

/**
 * Accepts an event as JSON text or as an already-parsed object, and insists on a JSON object (as
 * EventBridge does: "Event must be a JSON object").
 *
 * @example
 * readEvent('{"source":"aws.ec2"}'); // { source: 'aws.ec2' }
 */
export const readEvent = (event: unknown): Readonly<Record<string, unknown>> => {
  let value = event;
  if (typeof event === 'string') {
    try {
      value = JSON.parse(event);
    } catch (error) {
      throw new InvalidEventError('INVALID_JSON', 'Event is not valid JSON', '$', { cause: error });
    }
  }
  if (!isJsonObject(value)) throw new InvalidEventError('NOT_AN_OBJECT', 'Event must be a JSON object', '$');
  return value;
};
