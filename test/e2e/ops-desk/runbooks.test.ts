/**
 * The desk's runbooks on the local cloud (or wherever AGENTBRIDGE_E2E_TARGET points), through AWS APIs: a
 * RunRunbook request invokes the runbook agent's function, which runs the named tool chain on the fleet table
 * and answers with every step.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type OpsDesk, openOpsDesk, type SendAnswer, sendRequestOf } from '../../support/ops-desk-cloud.js';

/** A `send` of RunRunbook as another agent's runtime invokes the function. */
const runRunbook = (runbook: string, input: Record<string, unknown>) =>
  sendRequestOf('runbook', 'desk', 'RunRunbook', { runbook, input });

type SendResponse = SendAnswer<{
  ok: boolean;
  output?: unknown;
  failure?: unknown;
  steps: { step: string; status: string; attempts: number; retryDelaysMs: number[] }[];
}>;

describe('the desk’s runbooks, deployed', () => {
  let desk: OpsDesk;
  let fleetTable: string;

  beforeAll(async () => {
    desk = await openOpsDesk(inject('dynamodbEndpoint'));
    fleetTable = (await desk.environmentOf('runbook')).FLEET_TABLE_NAME ?? '';
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
  });

  const fleetEntry = async (service: string) =>
    (
      await desk.clients.documentClient.send(
        new GetCommand({ TableName: fleetTable, Key: { service }, ConsistentRead: true }),
      )
    ).Item;

  it('restarts a service, retrying its health check while it warms up, then scales it out by the CPU seen', async () => {
    const service = `search-${randomUUID().slice(0, 8)}`;
    await desk.clients.documentClient.send(
      new PutCommand({
        TableName: fleetTable,
        Item: {
          service,
          instances: 2,
          maxInstances: 6,
          drained: false,
          restarts: 0,
          warmupChecks: 1,
          pendingChecks: 0,
        },
      }),
    );
    const restart = await desk.invoke<SendResponse>('runbook', runRunbook('restart-service', { service }));
    expect(restart.ok).toBe(true);
    expect(restart.result?.ok).toBe(true);
    expect(restart.result?.steps.map((step) => [step.step, step.status, step.attempts])).toEqual([
      ['drain_traffic', 'succeeded', 1],
      ['restart_service', 'succeeded', 1],
      ['check_health', 'succeeded', 2],
      ['restore_traffic', 'succeeded', 1],
    ]);
    expect(restart.result?.steps[2]?.retryDelaysMs).toHaveLength(1);
    expect(await fleetEntry(service)).toMatchObject({ restarts: 1, drained: false, pendingChecks: 0 });

    const scale = await desk.invoke<SendResponse>(
      'runbook',
      runRunbook('scale-out', { service, cpuPercent: 88 }),
    );
    expect(scale.result).toMatchObject({ ok: true, output: { service, instances: 4, added: 2 } });
    expect(scale.result?.steps.map((step) => step.status)).toEqual(['succeeded', 'skipped', 'skipped']);
    expect((await fleetEntry(service))?.instances).toBe(4);
  });

  it('refuses a runbook it does not hold with UNKNOWN_TOOL_CHAIN, naming those it does', async () => {
    const response = await desk.invoke<SendResponse>(
      'runbook',
      runRunbook('reboot-everything', { service: 'x' }),
    );
    expect(response).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_TOOL_CHAIN', message: expect.stringContaining('restart-service, scale-out') },
    });
  });
});
