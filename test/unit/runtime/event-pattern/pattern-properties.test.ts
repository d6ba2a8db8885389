import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileEventPattern } from '../../../../lambdas/runtime/event-pattern/compile-event-pattern.js';
import type { EventPattern } from '../../../../lambdas/runtime/event-pattern/event-pattern.js';

const key = fc.constantFrom('a', 'b', 'c', 'd');
const scalar = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const flatEvent = fc.dictionary(key, scalar, { minKeys: 1 });
const flatPattern = fc.dictionary(key, fc.array(scalar, { minLength: 1, maxLength: 3 }), { minKeys: 1 });

// Address literals are compared as addresses in value lists but as text in anything-but, so keep to words.
const word = fc.stringMatching(/^[a-zA-Z ]{0,4}$/);

const asPattern = (value: unknown): EventPattern => value as EventPattern;

describe('pattern properties', () => {
  it('a pattern listing an event’s own values matches that event', () => {
    fc.assert(
      fc.property(flatEvent, (event) => {
        const pattern = Object.fromEntries(Object.entries(event).map(([name, value]) => [name, [value]]));
        expect(compileEventPattern(asPattern(pattern)).matches(event)).toBe(true);
      }),
    );
  });

  it('$or of two patterns matches exactly when either pattern does', () => {
    fc.assert(
      fc.property(flatPattern, flatPattern, flatEvent, (left, right, event) => {
        const either = compileEventPattern(asPattern({ $or: [left, right] })).matches(event);
        const separately =
          compileEventPattern(asPattern(left)).matches(event) ||
          compileEventPattern(asPattern(right)).matches(event);
        expect(either).toBe(separately);
      }),
    );
  });

  it('anything-but over strings is the complement of the same (non-address) strings', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), word, (values, value) => {
        const listed = compileEventPattern({ a: values }).matches({ a: value });
        const excluded = compileEventPattern({ a: [{ 'anything-but': values }] }).matches({ a: value });
        expect(excluded).toBe(!listed);
      }),
    );
  });

  it('numeric ranges agree with plain comparison inside the documented range', () => {
    const number = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => Math.round(n * 1000) / 1000);
    fc.assert(
      fc.property(number, number, number, (low, high, value) => {
        fc.pre(low < high);
        const pattern = compileEventPattern({ n: [{ numeric: ['>=', low, '<', high] }] });
        expect(pattern.matches({ n: value })).toBe(value >= low && value < high);
      }),
    );
  });
});
