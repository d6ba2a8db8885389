import { describe, expect, it } from 'vitest';
import {
  mergeMembership,
  NO_MEMBERSHIP,
} from '../../../../lambdas/runtime/event-pattern/array-membership.js';
import { parseCidr } from '../../../../lambdas/runtime/event-pattern/cidr-block.js';
import { hexRangeAccepts } from '../../../../lambdas/runtime/event-pattern/hex-range-accepts.js';
import { ipToHex } from '../../../../lambdas/runtime/event-pattern/ip-address.js';
import { numericSemantics } from '../../../../lambdas/runtime/event-pattern/numeric-semantics.js';
import {
  parseWildcard,
  wildcardMatches,
} from '../../../../lambdas/runtime/event-pattern/wildcard-pattern.js';

describe('IP literals', () => {
  it.each([
    ['10.0.0.1', '0A000001'],
    ['255.255.255.255', 'FFFFFFFF'],
    ['0.0.0.0', '00000000'],
    ['::', '00000000000000000000000000000000'],
    ['::1', '00000000000000000000000000000001'],
    ['2001:db8::8a2e:370:7334', '20010DB80000000000008A2E03707334'],
    ['1:2:3:4:5:6:7:8', '00010002000300040005000600070008'],
    ['::ffff:a00:1', '0A000001'],
  ])('reads %s as %s', (text, hex) => {
    expect(ipToHex(text)).toBe(hex);
  });

  it.each([
    '256.0.0.1',
    '01.2.3.4',
    '1.2.3',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    ':1::',
    '12345::',
    'localhost',
    '::ffff:1.2.3.4',
    '',
  ])('does not read %s as an address', (text) => {
    expect(ipToHex(text)).toBeUndefined();
  });

  it('keeps the written address as the start of a block', () => {
    expect(parseCidr('10.0.0.5/24')).toEqual({ bottom: '0A000005', top: '0A0000FF' });
    expect(parseCidr('2001:db8::/32')).toEqual({
      bottom: '20010DB8000000000000000000000000',
      top: '20010DB8FFFFFFFFFFFFFFFFFFFFFFFF',
    });
    expect(parseCidr('10.0.0.0/8/')).toEqual({ bottom: '0A000000', top: '0AFFFFFF' });
  });
});

describe('hex range automaton', () => {
  it.each([
    ['0A000021', true],
    ['0A000000', true],
    ['0A0000FF', true],
    ['0A000100', false],
    ['09FFFFFF', false],
    ['0A00', false],
  ])('10.0.0.0/24 against %s is %s', (value, expected) => {
    expect(hexRangeAccepts(value, '0A000000', '0A0000FF')).toBe(expected);
  });
});

describe('wildcard parsing', () => {
  it('splits on unescaped asterisks', () => {
    expect(parseWildcard('a*b\\*c*')).toEqual({ pieces: ['a', 'b*c', ''] });
  });

  it('matches by pieces', () => {
    expect(wildcardMatches({ pieces: ['', 'x', ''] }, 'axb')).toBe(true);
    expect(wildcardMatches({ pieces: ['a', 'a'] }, 'a')).toBe(false);
  });
});

describe('array membership', () => {
  it('merges agreeing memberships and refuses disagreeing ones', () => {
    const first = new Map([[0, 1]]);
    expect(mergeMembership(first, new Map([[1, 0]]))).toEqual(
      new Map([
        [0, 1],
        [1, 0],
      ]),
    );
    expect(mergeMembership(first, new Map([[0, 2]]))).toBeUndefined();
    expect(mergeMembership(NO_MEMBERSHIP, first)).toBe(first);
  });
});

describe('numeric semantics', () => {
  it('gives equal keys to equal numbers however written', () => {
    const documented = numericSemantics('documented');
    expect(documented.eventKey(3.0e2)).toBe(documented.eventKey(300));
    expect(documented.eventKey(5e9 + 1)).toBeUndefined();
    expect(documented.patternKey(-5e9)).toBe(documented.lowestKey);
    expect(numericSemantics('float64').eventKey(1e300)).toBe(1e300);
  });
});
