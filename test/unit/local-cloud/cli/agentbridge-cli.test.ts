import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCloud } from './cli-harness.js';

describe('the agentbridge CLI against a running local cloud', () => {
  let cloud: Awaited<ReturnType<typeof cliCloud>>;
  beforeAll(async () => {
    cloud = await cliCloud();
  });
  afterAll(async () => {
    await cloud.close();
  });
  const putEvents = () => cloud.context.journal.entries().filter((entry) => entry.action === 'PutEvents');

  it('publishes a valid message with the real EventBridge client, onto the named bus', async () => {
    const result = await cloud.cli(
      'publish',
      'OrderRequested',
      '{"orderId":"o-77","quantity":2}',
      '--source',
      'shop',
    );
    expect(result).toMatchObject({ code: 0, err: [] });
    expect(result.out[0]).toMatch(/^published OrderRequested \S+/);
    const [put] = putEvents().filter((entry) => entry.payload.includes('o-77'));
    expect(put).toMatchObject({ service: 'events', resource: 'default' });
    expect(JSON.parse(put?.payload ?? '{}')).toMatchObject({
      source: 'shop',
      'detail-type': 'OrderRequested',
    });
  });

  it('refuses an unknown type or an invalid detail with the findings, and sends nothing', async () => {
    const before = putEvents().length;
    const unknown = await cloud.cli('publish', 'OrderTeleported', '{}');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toEqual([
      'agentbridge: unknown message type "OrderTeleported"; nothing sent. Known types: OrderCancelled, OrderRequested',
    ]);
    const invalid = await cloud.cli('publish', 'OrderRequested', '{"orderId":"","quantity":-1}');
    expect(invalid.code).toBe(1);
    expect(invalid.err[0]).toMatch(
      /^agentbridge: Invalid OrderRequested: orderId: .*; quantity: .*; nothing sent$/,
    );
    const notJson = await cloud.cli('publish', 'OrderRequested', '{orderId');
    expect([notJson.code, notJson.err[0]]).toEqual([1, expect.stringContaining('the detail is not JSON')]);
    expect(putEvents()).toHaveLength(before);
  });

  it('traces an id in order and writes it as a Mermaid sequence diagram', async () => {
    await cloud.cli('publish', 'OrderCancelled', '{"orderId":"o-trace"}');
    const html = join(mkdtempSync(join(tmpdir(), 'agentbridge-trace-')), 'trace.html');
    const result = await cloud.cli('trace', 'o-trace', '--html', html);
    expect(result.code).toBe(0);
    expect(result.out[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z {2}events {3}default +PutEvents/);
    expect(result.out.at(-1)).toBe(`wrote ${html}`);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('sequenceDiagram');
    expect(page).toContain('participant p1 as events default');
    expect(page).toContain('p1-&gt;&gt;p1: PutEvents');
    const missing = await cloud.cli('trace', 'o-never');
    expect([missing.code, missing.err[0]]).toEqual([1, expect.stringContaining('nothing in the journal')]);
  });

  it('lists the dead-letter queues, shows their messages without consuming them, and redrives them', async () => {
    const dead = cloud.deployment.queues.find((queue) => queue.name === 'dead-letters');
    await cloud.sqs.queues.sendMessage({
      queue: dead?.url ?? '',
      body: '{"orderId":"o-dead"}',
      attributes: { ERROR_CODE: { DataType: 'String', StringValue: 'SQS.Throttled' } },
    });
    const list = await cloud.cli('dlq', 'list');
    expect(list.out).toEqual([
      expect.stringMatching(/^dead-letters +1 {2}dead letters of work$/),
      expect.stringMatching(/^orders-dead\.fifo +0/),
    ]);
    const shown = await cloud.cli('dlq', 'show', 'dead-letters');
    expect(shown.out).toEqual([
      expect.stringMatching(/^message \S+ \(received 1 times\)$/),
      '  ERROR_CODE: SQS.Throttled',
      '  body: {"orderId":"o-dead"}',
      '1 message(s) on dead-letters',
    ]);
    expect((await cloud.cli('dlq', 'show', 'dead-letters')).out.at(-1)).toBe('1 message(s) on dead-letters');
    const redrive = await cloud.cli('dlq', 'redrive', 'dead-letters');
    expect(redrive.out[0]).toMatch(/^redriving dead-letters to its source queues \(task \S+\)$/);
    const unknown = await cloud.cli('dlq', 'show', 'work');
    expect([unknown.code, unknown.err[0]]).toEqual([
      1,
      expect.stringContaining('no dead-letter queue "work"'),
    ]);
  });

  it('advances the clock of the running cloud', async () => {
    const before = cloud.clock.now();
    const result = await cloud.cli('clock', 'advance', '3d');
    expect(result.code).toBe(0);
    expect(cloud.clock.now() - before).toBeGreaterThanOrEqual(3 * 86_400_000);
    expect(result.out[0]).toMatch(/^the local cloud's clock is now 2026-01-0[45]T/);
    expect((await cloud.cli('clock', 'advance', 'soon')).code).toBe(2);
  });

  it('answers a wrong command line with exit code 2 and one line, and --help with 0', async () => {
    expect(await cloud.cli('deploy')).toMatchObject({
      code: 2,
      err: [expect.stringContaining('unknown command "deploy"')],
    });
    expect((await cloud.cli('publish', 'OrderRequested')).code).toBe(2);
    expect((await cloud.cli('trace', '--colour')).code).toBe(2);
    for (const command of ['publish', 'trace', 'dlq', 'clock']) {
      const help = await cloud.cli(command, '--help');
      expect([command, help.code, help.out[0]]).toEqual([
        command,
        0,
        expect.stringMatching(/^usage: agentbridge /),
      ]);
    }
    expect((await cloud.cli('--help')).code).toBe(0);
  });
});
