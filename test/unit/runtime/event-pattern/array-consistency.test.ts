import { describe, expect, it } from 'vitest';
import { compileEventPattern } from '../../../../lambdas/runtime/event-pattern/compile-event-pattern.js';
import type { EventPattern } from '../../../../lambdas/runtime/event-pattern/event-pattern.js';
import { eventFixture } from './event-fixture.js';

const roster = eventFixture('employees-arrays');
const order = eventFixture('order-placed');

type Row = [name: string, pattern: EventPattern, event: Readonly<Record<string, unknown>>, expected: boolean];

const rows: Row[] = [
  [
    'Ruler README: a field inside array objects',
    { detail: { employees: { firstName: ['Anna'] } } },
    roster,
    true,
  ],
  [
    'Ruler README: two fields from the same element match',
    { detail: { employees: { firstName: ['Anna'], lastName: ['Smith'] } } },
    roster,
    true,
  ],
  [
    'Ruler README: two fields from different elements do not match',
    { detail: { employees: { firstName: ['Anna'], lastName: ['Jones'] } } },
    roster,
    false,
  ],
  [
    'numeric and string conditions on the same element',
    { detail: { employees: { firstName: ['Peter'], grade: [{ numeric: ['>=', 5] }] } } },
    roster,
    true,
  ],
  [
    'numeric and string conditions split across elements',
    { detail: { employees: { firstName: ['John'], grade: [{ numeric: ['>=', 5] }] } } },
    roster,
    false,
  ],
  [
    'exists false is judged within the chosen element',
    { detail: { employees: { firstName: ['Anna'], middleName: [{ exists: false }] } } },
    roster,
    true,
  ],
  [
    'exists false fails when the chosen element has the field',
    { detail: { employees: { firstName: ['Peter'], middleName: [{ exists: false }] } } },
    roster,
    false,
  ],
  [
    'exists false sorted before the value fields sees every element',
    { detail: { employees: { firstName: ['Anna'], 'a-middle': [{ exists: false }] } } },
    { detail: { employees: [{ firstName: 'Anna' }, { firstName: 'Bob', 'a-middle': 'x' }] } },
    false,
  ],
  [
    'exists true pins the element it found',
    { detail: { employees: { manager: [{ exists: true }], lastName: ['Smith'] } } },
    roster,
    true,
  ],
  [
    'exists true pins the element it found (other element)',
    { detail: { employees: { manager: [{ exists: true }], lastName: ['Doe'] } } },
    roster,
    false,
  ],
  [
    'fields outside the array combine with any element',
    { detail: { tags: ['weekly'], employees: { firstName: ['John'] } } },
    roster,
    true,
  ],
  ['arrays of arrays of objects', { detail: { teams: { name: ['edge'], size: [2] } } }, roster, true],
  [
    'arrays of arrays of objects: mixed elements',
    { detail: { teams: { name: ['edge'], size: [4] } } },
    roster,
    false,
  ],
  [
    'order items: sku and price from one line',
    { detail: { data: { items: { sku: ['lamp-204'], price: [{ numeric: ['>', 50] }] } } } },
    order,
    true,
  ],
  [
    'order items: sku from one line, price from another',
    { detail: { data: { items: { sku: ['book-001'], price: [{ numeric: ['>', 50] }] } } } },
    order,
    false,
  ],
];

describe('array-consistent matching', () => {
  it.each(rows)('%s', (_name, pattern, event, expected) => {
    expect(compileEventPattern(pattern).matches(event)).toBe(expected);
  });
});
