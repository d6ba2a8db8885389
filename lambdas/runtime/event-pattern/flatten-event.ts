import { type ArrayMembership, NO_MEMBERSHIP, withElement } from './array-membership.js';
import type { EventLeaf } from './event-leaf.js';
import { childNode, type FieldIndex, type FieldNode } from './field-index.js';
import { InvalidEventError } from './invalid-event-error.js';
import { isJsonObject } from './json-value.js';
import { numberText } from './number-text.js';

/** Event values per field of the index (by field id); several values when the path runs through arrays. */
export type EventFields = readonly (readonly EventLeaf[] | undefined)[];

interface Flattening {
  readonly fields: EventLeaf[][];
  arrays: number;
}

const leafOf = (value: unknown, membership: ArrayMembership): EventLeaf => {
  if (typeof value === 'string') return { kind: 'string', text: value, membership };
  // JSON text such as 1e999 parses to Infinity; it is still a JSON number (AWS parses it the same way).
  if (typeof value === 'number' && !Number.isNaN(value)) {
    return { kind: 'number', text: numberText(value), value, membership };
  }
  if (typeof value === 'boolean') return { kind: 'literal', text: value ? 'true' : 'false', membership };
  if (value === null) return { kind: 'literal', text: 'null', membership };
  throw new InvalidEventError(
    'NON_JSON_VALUE',
    `Event holds a value JSON cannot represent: ${String(value)}`,
    '$',
  );
};

function visit(state: Flattening, node: FieldNode, value: unknown, membership: ArrayMembership): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    const array = state.arrays;
    state.arrays += 1;
    value.forEach((element: unknown, position) => {
      // Only structured elements pin an array position; scalars in the array share the parent's membership.
      const structured = Array.isArray(element) || isJsonObject(element);
      visit(state, node, element, structured ? withElement(membership, array, position) : membership);
    });
  } else if (isJsonObject(value)) {
    if (node.children.size > 0) visitObject(state, node, value, membership);
  } else if (node.field !== undefined) {
    state.fields[node.field]?.push(leafOf(value, membership));
  }
}

function visitObject(
  state: Flattening,
  node: FieldNode,
  object: Readonly<Record<string, unknown>>,
  membership: ArrayMembership,
): void {
  for (const key of Object.keys(object)) {
    const child = childNode(node, key);
    if (child !== undefined) visit(state, child, object[key], membership);
  }
}

/**
 * Flattens an event into the leaf values of the index's fields (objects nest, arrays are "crushed out"
 * but each value remembers which array elements it came from).
 *
 * @example
 * const index = fieldIndex(['detail.state']);
 * flattenEvent({ detail: { state: 'running' } }, index)[0]; // [{ kind: 'string', text: 'running', ... }]
 */
export const flattenEvent = (event: Readonly<Record<string, unknown>>, index: FieldIndex): EventFields => {
  const state: Flattening = { fields: Array.from({ length: index.ids.size }, () => []), arrays: 0 };
  visitObject(state, index.root, event, NO_MEMBERSHIP);
  return state.fields;
};
