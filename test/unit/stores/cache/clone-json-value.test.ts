import { describe, expect, it } from 'vitest';
import { cloneJsonValue } from '../../../../lambdas/stores/cache/clone-json-value.js';

describe('cloneJsonValue', () => {
  it('copies deeply: the copy is equal and shares no object with the source', () => {
    const source = JSON.parse('{"a":[{"b":1}],"c":{"d":null},"e":"x"}');
    const copy = cloneJsonValue(source) as typeof source;
    expect(copy).toEqual(source);
    expect(copy.a).not.toBe(source.a);
    expect(copy.a[0]).not.toBe(source.a[0]);
    expect(copy.c).not.toBe(source.c);
  });

  it('keeps a "__proto__" key as data instead of changing the copy’s prototype', () => {
    const copy = cloneJsonValue(JSON.parse('{"__proto__":{"polluted":true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.polluted).toBeUndefined();
    expect(JSON.stringify(copy)).toBe('{"__proto__":{"polluted":true}}');
  });

  it('returns primitives as they are', () => {
    expect([null, true, 0, 'x'].map(cloneJsonValue)).toEqual([null, true, 0, 'x']);
  });
});
