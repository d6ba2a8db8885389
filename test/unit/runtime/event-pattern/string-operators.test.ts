import { describe, expect, it } from 'vitest';
import { compileEventPattern } from '../../../../lambdas/runtime/event-pattern/compile-event-pattern.js';
import type { EventPattern } from '../../../../lambdas/runtime/event-pattern/event-pattern.js';
import { eventFixture } from './event-fixture.js';

const ec2 = eventFixture('ec2-state-change');
const s3 = eventFixture('s3-object-created');

type Row = [name: string, pattern: EventPattern, event: Readonly<Record<string, unknown>>, expected: boolean];

const prefix: Row[] = [
  ['docs: prefix on time', { time: [{ prefix: '2017-10-02' }] }, ec2, true],
  ['prefix that does not start the value', { time: [{ prefix: '2017-10-03' }] }, ec2, false],
  ['docs table: region is in the US', { Region: [{ prefix: 'us-' }] }, { Region: 'us-east-1' }, true],
  ['prefix is case-sensitive', { Region: [{ prefix: 'US-' }] }, { Region: 'us-east-1' }, false],
  ['an empty prefix matches any string', { a: [{ prefix: '' }] }, { a: '' }, true],
  ['prefix never matches a number', { a: [{ prefix: '1' }] }, { a: 123 }, false],
  ['prefix never matches true', { a: [{ prefix: 't' }] }, { a: true }, false],
  ['prefix never matches null', { a: [{ prefix: 'n' }] }, { a: null }, false],
  ['prefix longer than the value', { a: [{ prefix: 'abcd' }] }, { a: 'abc' }, false],
  [
    'docs: prefix with equals-ignore-case',
    { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
    { detail: { service: 'eventbridge' } },
    true,
  ],
  [
    'prefix ignoring case accepts any casing',
    { service: [{ prefix: { 'equals-ignore-case': 'eventb' } }] },
    { service: 'EVENTBRIDGE' },
    true,
  ],
  [
    'prefix ignoring case still needs the letters',
    { service: [{ prefix: { 'equals-ignore-case': 'eventb' } }] },
    { service: 'events' },
    false,
  ],
];

const suffix: Row[] = [
  ['docs: FileName ends with .png', { FileName: [{ suffix: '.png' }] }, { FileName: 'image.png' }, true],
  ['suffix is case-sensitive', { FileName: [{ suffix: '.png' }] }, { FileName: 'image.PNG' }, false],
  ['Ruler README: source ends with ec2', { source: [{ suffix: 'ec2' }] }, ec2, true],
  ['suffix never matches a number', { n: [{ suffix: '5' }] }, { n: 5 }, false],
  ['an empty suffix matches any string', { a: [{ suffix: '' }] }, { a: 'x' }, true],
  [
    'docs: suffix with equals-ignore-case',
    { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } },
    { detail: { FileName: 'image.PNG' } },
    true,
  ],
  [
    'docs table: service ends with tbridge in any casing',
    { service: [{ suffix: { 'equals-ignore-case': 'tBridge' } }] },
    { service: 'EVENTBRIDGE' },
    true,
  ],
  [
    'suffix ignoring case rejects other endings',
    { service: [{ suffix: { 'equals-ignore-case': 'tBridge' } }] },
    { service: 'EventBridges' },
    false,
  ],
];

const ignoreCase: Row[] = [
  [
    'docs table: Name is "Alice" in any casing',
    { Name: [{ 'equals-ignore-case': 'alice' }] },
    { Name: 'ALICE' },
    true,
  ],
  [
    'Ruler README: source equals EC2 ignoring case',
    { source: [{ 'equals-ignore-case': 'EC2' }] },
    { source: 'ec2' },
    true,
  ],
  [
    'ignoring case is still whole-value',
    { Name: [{ 'equals-ignore-case': 'alice' }] },
    { Name: 'Alice B' },
    false,
  ],
  ['ignoring case never matches a number', { n: [{ 'equals-ignore-case': '1' }] }, { n: 1 }, false],
  ['non-ASCII letters fold too', { city: [{ 'equals-ignore-case': 'ÉCOLE' }] }, { city: 'école' }, true],
  [
    'each pattern letter accepts its upper-case expansion',
    { w: [{ 'equals-ignore-case': 'straße' }] },
    { w: 'STRASSE' },
    true,
  ],
  [
    'the event value is not folded back',
    { w: [{ 'equals-ignore-case': 'STRASSE' }] },
    { w: 'straße' },
    false,
  ],
  ['regex metacharacters are literal', { p: [{ 'equals-ignore-case': 'a.b*' }] }, { p: 'A.B*' }, true],
  ['regex metacharacters do not act', { p: [{ 'equals-ignore-case': 'a.b*' }] }, { p: 'AXBBB' }, false],
];

const wildcard: Row[] = [
  [
    'docs table: a .png file within the folder dir',
    { FileName: [{ wildcard: 'dir/*.png' }] },
    { FileName: 'dir/a.png' },
    true,
  ],
  [
    'the wildcard spans slashes',
    { FileName: [{ wildcard: 'dir/*.png' }] },
    { FileName: 'dir/a/b.png' },
    true,
  ],
  [
    'the wildcard needs the literal parts',
    { FileName: [{ wildcard: 'dir/*.png' }] },
    { FileName: 'dir/a.jpg' },
    false,
  ],
  ['a wildcard may match nothing', { FileName: [{ wildcard: 'dir/*.png' }] }, { FileName: 'dir/.png' }, true],
  [
    'Ruler README: Simple*Service',
    { source: [{ wildcard: 'Simple*Service' }] },
    { source: 'SimpleQueueService' },
    true,
  ],
  ['a lone * matches any string', { a: [{ wildcard: '*' }] }, { a: '' }, true],
  ['a lone * never matches a number', { a: [{ wildcard: '*' }] }, { a: 7 }, false],
  ['several wildcards', { a: [{ wildcard: '*a*b*c*' }] }, { a: 'xxaxxbxxcxx' }, true],
  ['several wildcards in order only', { a: [{ wildcard: '*a*b*c*' }] }, { a: 'cba' }, false],
  ['pieces may not overlap', { a: [{ wildcard: 'ab*ba' }] }, { a: 'aba' }, false],
  ['no wildcard means exact', { a: [{ wildcard: 'abc' }] }, { a: 'abcd' }, false],
  ['an escaped asterisk is literal', { a: [{ wildcard: 'a\\*b' }] }, { a: 'a*b' }, true],
  ['an escaped asterisk is not a wildcard', { a: [{ wildcard: 'a\\*b' }] }, { a: 'axb' }, false],
  ['an escaped backslash is literal', { a: [{ wildcard: 'a\\\\*' }] }, { a: 'a\\tail' }, true],
  [
    'docs: event bus ARN in any account',
    { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] },
    { EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/orders' },
    true,
  ],
  ['wildcard is case-sensitive', { a: [{ wildcard: 'dir/*.png' }] }, { a: 'DIR/a.png' }, false],
  ['wildcard over an S3 key', { detail: { object: { key: [{ wildcard: 'dir/*/Holiday.*' }] } } }, s3, true],
];

const exactly: Row[] = [
  ['exactly compares strings', { a: [{ exactly: 'x' }] }, { a: 'x' }, true],
  [
    'exactly does not treat IP-looking text as an address',
    { a: [{ exactly: '10.0.0.1' }] },
    { a: '10.0.0.1' },
    true,
  ],
  ['exactly never matches a number', { a: [{ exactly: '1' }] }, { a: 1 }, false],
];

describe.each([
  ['prefix', prefix],
  ['suffix', suffix],
  ['equals-ignore-case', ignoreCase],
  ['wildcard', wildcard],
  ['exactly', exactly],
])('%s', (_operator, rows) => {
  it.each(rows)('%s', (_name, pattern, event, expected) => {
    expect(compileEventPattern(pattern).matches(event)).toBe(expected);
  });
});
