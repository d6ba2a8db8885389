import { describe, expect, it } from 'vitest';
import { compileEventPattern } from '../../../../lambdas/runtime/event-pattern/compile-event-pattern.js';
import type { EventPattern } from '../../../../lambdas/runtime/event-pattern/event-pattern.js';
import { eventFixture } from './event-fixture.js';

const ec2 = eventFixture('ec2-state-change');
const trail = eventFixture('cloudtrail-api-call');
const order = eventFixture('order-placed');

type Row = [name: string, pattern: EventPattern, event: Readonly<Record<string, unknown>>, expected: boolean];

const ip = (address: unknown) => ({ ip: address });

const rows: Row[] = [
  [
    'Ruler README: 10.0.0.33 in 10.0.0.0/24',
    { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } },
    ec2,
    true,
  ],
  ['docs: 10.0.0.0/24 covers .0 to .255', { ip: [{ cidr: '10.0.0.0/24' }] }, ip('10.0.0.255'), true],
  ['outside the block', { ip: [{ cidr: '10.0.0.0/24' }] }, ip('10.0.1.0'), false],
  ['a /8 block', { ip: [{ cidr: '10.0.0.0/8' }] }, ip('10.255.3.4'), true],
  ['a /0 block covers every IPv4 address', { ip: [{ cidr: '0.0.0.0/0' }] }, ip('203.0.113.9'), true],
  ['a /31 block', { ip: [{ cidr: '192.168.0.2/31' }] }, ip('192.168.0.3'), true],
  ['a /31 block excludes the neighbour', { ip: [{ cidr: '192.168.0.2/31' }] }, ip('192.168.0.4'), false],
  ['the block starts at the address as written', { ip: [{ cidr: '10.0.0.5/24' }] }, ip('10.0.0.4'), false],
  [
    'the block starts at the address as written (inside)',
    { ip: [{ cidr: '10.0.0.5/24' }] },
    ip('10.0.0.200'),
    true,
  ],
  ['cidr never matches a non-address string', { ip: [{ cidr: '10.0.0.0/8' }] }, ip('ten'), false],
  ['cidr never matches an address with a port', { ip: [{ cidr: '10.0.0.0/8' }] }, ip('10.0.0.1:443'), false],
  ['cidr never matches zero-padded octets', { ip: [{ cidr: '10.0.0.0/8' }] }, ip('010.0.0.1'), false],
  ['IPv6 block', { detail: { sourceIPAddress: [{ cidr: '2001:db8::/32' }] } }, trail, true],
  ['IPv6 block, other network', { detail: { sourceIPAddress: [{ cidr: '2001:db9::/32' }] } }, trail, false],
  ['IPv6 /64', { ip: [{ cidr: '2001:db8:85a3::/64' }] }, ip('2001:DB8:85A3:0:0:8A2E:370:7334'), true],
  [
    'IPv6 written in full form',
    { ip: [{ cidr: '2001:0db8::/32' }] },
    ip('2001:0db8:0000:0000:0000:0000:0000:0001'),
    true,
  ],
  ['IPv4-mapped IPv6 addresses compare as IPv4', { ip: [{ cidr: '10.0.0.0/8' }] }, ip('::ffff:a00:1'), true],
  [
    'a private address of the order',
    { detail: { data: { clientIp: [{ cidr: '192.168.0.0/16' }] } } },
    order,
    true,
  ],
  ['any element of an address array', { ip: [{ cidr: '10.0.0.0/8' }] }, ip(['8.8.8.8', '10.1.1.1']), true],
  // IP-address literals in value lists are compared as addresses
  ['an address literal matches the same address', { ip: ['10.0.0.1'] }, ip('10.0.0.1'), true],
  ['an IPv6 literal matches any spelling of it', { ip: ['::1'] }, ip('0:0:0:0:0:0:0:1'), true],
  ['an IPv6 literal ignores hex case', { ip: ['2001:DB8::1'] }, ip('2001:db8::1'), true],
  ['an address literal rejects another address', { ip: ['10.0.0.1'] }, ip('10.0.0.2'), false],
  ['an address literal ending in F', { ip: ['10.0.0.15'] }, ip('10.0.0.15'), true],
  ['an address literal ending in 9', { ip: ['10.0.0.9'] }, ip('10.0.0.9'), true],
  ['an address literal ending in 9 rejects the next', { ip: ['10.0.0.9'] }, ip('10.0.0.10'), false],
];

describe('cidr and IP addresses', () => {
  it.each(rows)('%s', (_name, pattern, event, expected) => {
    expect(compileEventPattern(pattern).matches(event)).toBe(expected);
  });
});

describe('quirks of AWS per-field IP matching', () => {
  it('compares IP-literal strings only as addresses once the field has an IP matcher', () => {
    const pattern = compileEventPattern({ ip: [{ cidr: '192.168.0.0/16' }, { prefix: '10.' }] });
    expect(pattern.matches(ip('10.1.2.3'))).toBe(false);
    expect(pattern.matches(ip('10.x'))).toBe(true);
    expect(pattern.matches(ip('192.168.1.1'))).toBe(true);
  });

  it('stops converting addresses when the same field also compares numbers', () => {
    const pattern = compileEventPattern({ ip: [{ cidr: '10.0.0.0/8' }, { numeric: ['>', 0] }] });
    expect(pattern.matches(ip('10.0.0.1'))).toBe(false);
    expect(pattern.matches(ip(1))).toBe(true);
  });

  it('tests the leading digits of an IPv6 address against an IPv4 block', () => {
    expect(compileEventPattern({ ip: [{ cidr: '10.0.0.0/8' }] }).matches(ip('a00::1'))).toBe(true);
  });
});
