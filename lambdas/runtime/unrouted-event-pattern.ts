import type { EventPattern } from './subscription-event-pattern.js';

/** Every event on a bus has a source: the pattern that matches them all. */
const EVERY_EVENT: EventPattern = { source: [{ prefix: '' }] };

/**
 * The pattern of the unrouted-events rule: every event on the bus except those it can tell, exactly, that a
 * subscription without senders of one of `openTopicTypes` takes — an enveloped event whose topic type is one
 * of them, or a bare event (no `metadata.id`) whose detail-type is. Those are the only subscriptions whose
 * whole pattern a rule can exclude: EventBridge has no complement of a union of patterns, and excluding a
 * subscription with senders (detail-type and source and account and topic) would need every combination of
 * the negated fields. So what this pattern lets through still goes past the router function, which evaluates
 * every rule's pattern with the same matcher and keeps only what none matches.
 *
 * Not a topic of `openTopicTypes` is: `anything-but` them, or no topic type at all (`exists: false`, which
 * also holds for an array with no element or an object), or `null` (which `anything-but` matches too on the
 * local cloud; listed so an account that does not still lets it through). Not bare of one of them is: a
 * detail-type `anything-but` them, or a `metadata.id` (`exists: true`, the exact complement of the bare
 * shape's `exists: false`).
 *
 * @example
 * ```ts
 * unroutedEventPattern(['IncidentResolved']);
 * // { $or: [ { 'detail-type': [{ 'anything-but': ['IncidentResolved'] }],
 * //            detail: { metadata: { topicType: [{ 'anything-but': ['IncidentResolved'] }] } } }, … ] }
 * ```
 */
export function unroutedEventPattern(openTopicTypes: readonly string[]): EventPattern {
  const topics = [...new Set(openTopicTypes)].sort();
  if (topics.length === 0) return EVERY_EVENT;
  const notTopic = [[{ 'anything-but': topics }], [{ exists: false }], [null]];
  // Each: the detail-type condition (if any) and the metadata fields besides topicType.
  const notBare: [EventPattern, EventPattern][] = [
    [{ 'detail-type': [{ 'anything-but': topics }] }, {}],
    [{}, { id: [{ exists: true }] }],
  ];
  const alternatives: EventPattern[] = [];
  for (const topicType of notTopic) {
    for (const [envelope, metadata] of notBare) {
      alternatives.push({ ...envelope, detail: { metadata: { topicType, ...metadata } } });
    }
  }
  return { $or: alternatives };
}
