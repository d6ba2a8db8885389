import { describe, expect, it } from 'vitest';
import { compileEventPattern } from '../../../../lambdas/runtime/event-pattern/compile-event-pattern.js';
import { CompiledEventPattern } from '../../../../lambdas/runtime/event-pattern/compiled-event-pattern.js';
import type { EventPattern } from '../../../../lambdas/runtime/event-pattern/event-pattern.js';
import { InvalidEventError } from '../../../../lambdas/runtime/event-pattern/invalid-event-error.js';
import { isInvalidEventPatternError } from '../../../../lambdas/runtime/event-pattern/invalid-event-pattern-error.js';
import { matchEventPattern } from '../../../../lambdas/runtime/event-pattern/match-event-pattern.js';
import { eventFixture } from './event-fixture.js';

const order = eventFixture('order-placed');
const s3 = eventFixture('s3-object-created');
const trail = eventFixture('cloudtrail-api-call');

const rows: Array<[string, EventPattern, Readonly<Record<string, unknown>>, boolean]> = [
  [
    'a subscription pattern on source and detail-type',
    { source: ['agentbridge.orders'], 'detail-type': ['OrderPlaced', 'OrderCancelled'] },
    order,
    true,
  ],
  [
    'envelope metadata and payload together',
    {
      'detail-type': ['OrderPlaced'],
      detail: {
        metadata: { topicSource: [{ prefix: 'order-' }], schemaVersion: [1] },
        data: {
          total: [{ numeric: ['>=', 100] }],
          customer: {
            email: [{ suffix: { 'equals-ignore-case': '@example.com' } }],
            tier: [{ 'anything-but': 'basic' }],
          },
          coupon: [null],
          clientIp: [{ cidr: '192.168.0.0/16' }],
        },
      },
    },
    order,
    true,
  ],
  [
    'account and region of the envelope',
    { account: ['123456789012'], region: [{ prefix: 'eu-' }] },
    order,
    true,
  ],
  ['time prefix of the envelope', { time: [{ prefix: '2026-11-02T10' }] }, order, true],
  ['id of the envelope', { id: [{ exists: true }], version: ['0'] }, order, true],
  [
    'docs: S3 object created in a folder, any .png casing',
    {
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: {
        bucket: { name: ['example-bucket'] },
        object: { key: [{ suffix: { 'equals-ignore-case': '.png' } }] },
      },
    },
    s3,
    true,
  ],
  [
    'CloudTrail: CreateBucket by root with readOnly false',
    {
      'detail-type': ['AWS API Call via CloudTrail'],
      detail: { eventName: ['CreateBucket'], userIdentity: { type: ['Root'] }, readOnly: [false] },
    },
    trail,
    true,
  ],
  [
    'CloudTrail: a nested array value',
    { detail: { requestParameters: { 'x-amz-acl': ['private'] } } },
    trail,
    true,
  ],
  [
    'CloudTrail: string "false" is not the boolean',
    { detail: { userIdentity: { sessionContext: { attributes: { mfaAuthenticated: [false] } } } } },
    trail,
    false,
  ],
];

describe('matchEventPattern over full bus events', () => {
  it.each(rows)('%s', (_name, pattern, event, expected) => {
    expect(matchEventPattern(pattern, event)).toBe(expected);
  });

  it('accepts the event and the pattern as JSON text', () => {
    expect(matchEventPattern('{"detail":{"data":{"currency":["EUR"]}}}', JSON.stringify(order))).toBe(true);
  });

  it('reuses one compiled pattern for many events', () => {
    const compiled = compileEventPattern({ detail: { data: { total: [{ numeric: ['>', 100] }] } } });
    const totals = [50, 100, 100.01, 250];
    const results = totals.map((total) =>
      compiled.matches({ ...order, detail: { ...(order.detail as object), data: { total } } }),
    );
    expect(results).toEqual([false, false, true, true]);
    expect(matchEventPattern(compiled, order)).toBe(true);
    expect(compiled).toBeInstanceOf(CompiledEventPattern);
  });

  it('caches the compiled form per pattern object', () => {
    const pattern: EventPattern = { source: ['agentbridge.orders'] };
    expect(matchEventPattern(pattern, order)).toBe(true);
    expect(matchEventPattern(pattern, { ...order, source: 'other' })).toBe(false);
    expect(matchEventPattern(pattern, order, { numbers: 'float64' })).toBe(true);
  });

  it('ignores parts of the event no pattern field reads, even values JSON cannot hold', () => {
    expect(matchEventPattern({ source: ['x'] }, { source: 'x', unrelated: { fn: () => 1 } })).toBe(true);
  });

  it('refuses an event that is not a JSON object', () => {
    for (const event of ['[1]', '"x"', 'not json']) {
      let caught: unknown;
      try {
        matchEventPattern({ source: ['x'] }, event);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidEventError);
    }
  });

  it('refuses a value JSON cannot hold on a path the pattern reads', () => {
    expect(() => matchEventPattern({ n: [1] }, { n: Number.NaN })).toThrow(/cannot represent/);
  });

  it('refuses an invalid pattern with a typed error', () => {
    let caught: unknown;
    try {
      matchEventPattern({ source: 'aws.ec2' } as never, order);
    } catch (error) {
      caught = error;
    }
    expect(isInvalidEventPatternError(caught)).toBe(true);
  });

  it('matches thousands of events quickly once compiled', () => {
    const compiled = compileEventPattern({
      source: ['agentbridge.orders'],
      detail: { data: { items: { sku: [{ prefix: 'lamp-' }], price: [{ numeric: ['>', 50] }] } } },
    });
    const started = performance.now();
    let hits = 0;
    for (let i = 0; i < 20_000; i += 1) if (compiled.matches(order)) hits += 1;
    expect(hits).toBe(20_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
