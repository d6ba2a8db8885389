import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoScenario } from '../../../local/demo/demo-orders.js';
import { formatDemoReport } from '../../../local/demo/format-demo-report.js';
import { InProcessTarget } from '../../../local/demo/in-process-target.js';
import { type DemoReport, runDemo } from '../../../local/demo/run-demo.js';
import { textStyle } from '../../../local/demo/text-style.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scenario = demoScenario();

describe('the npm start demo, in process', () => {
  let target: InProcessTarget;
  let report: DemoReport;

  beforeAll(async () => {
    target = await InProcessTarget.start();
    report = await runDemo(target, scenario);
  });

  afterAll(async () => {
    await target.close();
  });

  it('ends every order as the scenario expects', () => {
    expect(report.summary.mismatches).toEqual([]);
    for (const row of report.summary.outcomes) expect(row.actual, row.outcome).toBe(row.expected);
    expect(report.summary.orders).toBe(scenario.orders.length);
  });

  it('measures a latency for every order', () => {
    for (const run of report.runs) expect(run.latencyMs, run.order.orderId).toBeGreaterThan(0);
    expect(report.summary.latency.p50).toBeLessThanOrEqual(report.summary.latency.p99 ?? 0);
  });

  it('traces the compensations, the notifications and the rejected early trigger', () => {
    // Two declines release, two cancellations refund and release.
    expect(report.summary.compensations).toBe(6);
    expect(report.summary.rejectedTriggers).toBe(1);
    const emails = report.runs.filter((run) => run.order.expected === 'delivered').length;
    const sms = report.runs.filter(
      (run) =>
        run.order.expected === 'delivered' &&
        scenario.users.some((user) => user.userId === run.order.userId && user.phone !== undefined),
    ).length;
    expect(report.summary.notifications).toBe(emails + sms);
  });

  it('shows the order events the outbox published: the whole lifecycle, or none when the saga failed', () => {
    const LIFECYCLE = [
      'OrderCreated',
      'OrderPaid',
      'OrderProcessingStarted',
      'OrderShipped',
      'OrderDelivered',
    ];
    for (const run of report.runs) {
      const published = run.domainEvents ?? [];
      if (run.order.expected === 'delivered') expect(published, run.order.orderId).toEqual(LIFECYCLE);
      else if (run.order.expected === 'cancelled') {
        expect(published[0], run.order.orderId).toBe('OrderCreated');
        expect(published.at(-1), run.order.orderId).toBe('OrderCancellationRecorded');
      } else expect(published, run.order.orderId).toEqual([]);
    }
  });

  it('prints one block per order and the summary, in plain text', () => {
    const text = formatDemoReport(report, textStyle(false)).join('\n');
    expect(text).not.toContain('\u001b[');
    for (const order of scenario.orders) expect(text).toContain(`\n${order.orderId}  `);
    expect(text).toContain('created → cancelled');
    expect(text).toContain('paid → cancelled');
    expect(text).toContain('shipped → delivered');
    expect(text).toMatch(/✓ every order ended as expected$/);
  });
});

describe('npm start', () => {
  // Piped, as in CI: no colour unless asked for.
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;

  it('exits 0 and writes no colours when its output is not a terminal', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bin/start.ts'], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: undefined },
    });
    expect(stdout).not.toContain('\u001b[');
    expect(stdout).toContain('✓ every order ended as expected');
  }, 60_000);

  it('runs the same orders on the synthesized stack on the local cloud and exits 0', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'bin/start.ts', '--target', 'local-cloud'],
      { cwd: root, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 },
    );
    expect(stdout).toContain('target local-cloud');
    expect(stdout).toContain('✓ every order ended as expected');
  }, 600_000);

  it('exits 2 with one line saying the local cloud needs Java when there is none', async () => {
    const run = promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'bin/start.ts', '--target', 'local-cloud'],
      { cwd: root, env: { ...process.env, PATH: '/nonexistent' } },
    );
    await expect(run).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^npm start: target "local-cloud" is not available: .*Java 17.*\n$/),
    });
  }, 60_000);
});
