import { AgentId, InProcessRuntime, registerAgent } from 'agentbridge';
import { InMemoryItemStore } from 'agentbridge/stores';
import { describe, expect, it } from 'vitest';
import { DeploysEntry, OPS_DIRECTORY_TABLE } from '../../../../examples/ops-desk/intake/directory.js';
import { RUNBOOK_AGENT } from '../../../../examples/ops-desk/runbooks/agents.js';
import { FLEET_TABLE, FleetEntry } from '../../../../examples/ops-desk/runbooks/fleet.js';
import { RunRunbook } from '../../../../examples/ops-desk/runbooks/messages.js';

const checkout: FleetEntry = {
  service: 'checkout',
  instances: 3,
  maxInstances: 4,
  drained: false,
  restarts: 0,
  warmupChecks: 2,
  pendingChecks: 0,
};

async function desk() {
  const runtime = new InProcessRuntime({ logger: { warn: () => undefined, error: () => undefined } });
  const fleet = new InMemoryItemStore({ table: FLEET_TABLE, schema: FleetEntry });
  const deployLog = new InMemoryItemStore({ table: OPS_DIRECTORY_TABLE, schema: DeploysEntry });
  await fleet.put(checkout);
  await deployLog.put({
    entryId: 'deploys:checkout',
    deploys: [{ version: '4.2.0', at: '2026-12-02T13:10:00Z' }],
  });
  const slept: number[] = [];
  const sleep = async (ms: number) => void slept.push(ms);
  await registerAgent(runtime, RUNBOOK_AGENT, { fleet, deployLog, sleep });
  const run = (runbook: string, input: Record<string, unknown>) =>
    runtime.send(RunRunbook, { runbook, input }, new AgentId('runbook', 'desk'));
  return { run, fleet, slept };
}

describe('ops desk runbooks', () => {
  it('restarts a service step by step, retrying the health check with backoff while it warms up', async () => {
    const { run, fleet, slept } = await desk();
    const result = await run('restart-service', { service: 'checkout' });
    expect(result).toMatchObject({
      runbook: 'restart-service',
      ok: true,
      output: { service: 'checkout', drained: false },
    });
    expect(result.steps.map((step) => [step.step, step.status, step.attempts])).toEqual([
      ['drain_traffic', 'succeeded', 1],
      ['restart_service', 'succeeded', 1],
      ['check_health', 'succeeded', 3],
      ['restore_traffic', 'succeeded', 1],
    ]);
    expect(slept).toHaveLength(2);
    expect(await fleet.get('checkout')).toMatchObject({ restarts: 1, drained: false, pendingChecks: 0 });
  });

  it('scales out by the CPU seen: two at 85 %, one at 70 %, never past the maximum, nothing below', async () => {
    const { run, fleet } = await desk();
    const busy = await run('scale-out', { service: 'checkout', cpuPercent: 91 });
    expect(busy).toMatchObject({ ok: true, output: { instances: 4, added: 1 } });
    expect(busy.steps.map((step) => step.status)).toEqual(['succeeded', 'skipped', 'skipped']);
    const calm = await run('scale-out', { service: 'checkout', cpuPercent: 40 });
    expect(calm).toMatchObject({ ok: true, output: { instances: 4, drained: false } });
    expect(calm.steps.map((step) => step.step)).toEqual(['add-two', 'add-one', 'no-change']);
    expect((await fleet.get('checkout'))?.instances).toBe(4);
  });

  it('collects diagnostics in parallel, reporting what answered and what failed', async () => {
    const { run, fleet } = await desk();
    await fleet.put({ ...checkout, service: 'search' });
    const result = await run('collect-diagnostics', { service: 'search' });
    expect(result).toMatchObject({ ok: true, output: { fleet_state: { service: 'search', instances: 3 } } });
    expect(result.steps.find((step) => step.step === 'deploy_history')).toMatchObject({
      status: 'failed',
      error: { code: 'TOOL_RUN_FAILED', message: expect.stringContaining('the deploy log has no search') },
    });
  });

  it('fails a runbook on a service the fleet does not know, naming the step', async () => {
    const { run } = await desk();
    const result = await run('restart-service', { service: 'ghost' });
    expect(result).toMatchObject({ ok: false, failure: { step: 'drain_traffic', code: 'TOOL_RUN_FAILED' } });
  });

  it('refuses an unknown runbook with UNKNOWN_TOOL_CHAIN, listing the runbooks it holds', async () => {
    const { run } = await desk();
    await expect(run('reboot-everything', { service: 'checkout' })).rejects.toMatchObject({
      code: 'UNKNOWN_TOOL_CHAIN',
      message: expect.stringContaining('known: restart-service, scale-out, collect-diagnostics'),
    });
  });
});
