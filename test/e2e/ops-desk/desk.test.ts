/**
 * The operations desk on the local cloud (or wherever AGENTBRIDGE_E2E_TARGET points), through AWS APIs only:
 * what every area's scenarios stand on.
 */
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readCdkTemplate } from '../../../local/cdk-out/cdk-out-template.js';
import { OPS_DESK_LOCAL_SYNTH, type OpsDesk, openOpsDesk } from '../../support/ops-desk-cloud.js';

describe('the operations desk, deployed', () => {
  let desk: OpsDesk;

  beforeAll(async () => {
    desk = await openOpsDesk(inject('dynamodbEndpoint'));
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
  });

  it('runs every function of its template under the desk prefix', async () => {
    const template = readCdkTemplate(OPS_DESK_LOCAL_SYNTH.outDir ?? 'cdk.out', OPS_DESK_LOCAL_SYNTH.stack);
    const declared = Object.values(template.Resources)
      .filter((resource) => resource.Type === 'AWS::Lambda::Function')
      .map((resource) => resource.Properties?.FunctionName)
      .filter((name): name is string => typeof name === 'string' && name.startsWith('opsdesk-'));
    const listed = (await desk.clients.lambda.send(new ListFunctionsCommand({}))).Functions ?? [];
    const running = listed.map((fn) => fn.FunctionName ?? '').filter((name) => name.startsWith('opsdesk-'));
    expect(running.sort()).toEqual(declared.sort());
  });

  it('takes an event onto its bus by name, as an outside service publishes it', async () => {
    await expect(desk.publish('DeskPing', { at: 'now' }, 'ops.test')).resolves.toBeUndefined();
  });
});
