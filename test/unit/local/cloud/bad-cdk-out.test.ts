import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAgentbridgeError } from '../../../../lambdas/contracts/agentbridge-error.js';
import { type CdkOutError, isCdkOutError } from '../../../../local/cloud/cdk-out-error.js';
import { loadLocalDeployment } from '../../../../local/cloud/load-local-deployment.js';
import BAD from '../../../fixtures/cdk-out/bad-templates.json' with { type: 'json' };
import { cdkOutOf, stagedCdkOut } from './staged-cdk-out.js';

const failure = (load: () => unknown): CdkOutError => {
  try {
    load();
  } catch (error) {
    if (isCdkOutError(error)) return error;
    throw error;
  }
  throw new Error('the load succeeded');
};

describe('a cdk.out the local cloud cannot deploy', () => {
  it('without a manifest is CDK_OUT_MISSING, naming the file, as an agentbridge error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdk-out-empty-'));
    const error = failure(() => loadLocalDeployment(dir));
    expect(isAgentbridgeError(error)).toBe(true);
    expect([error.code, error.path]).toEqual(['CDK_OUT_MISSING', join(dir, 'manifest.json')]);
  });

  it('with a template that is not JSON is CDK_OUT_NOT_JSON', () => {
    const dir = stagedCdkOut('resources');
    writeFileSync(join(dir, 'Resources.template.json'), '{ "Resources": ');
    const error = failure(() => loadLocalDeployment(dir));
    expect([error.code, error.path]).toEqual(['CDK_OUT_NOT_JSON', join(dir, 'Resources.template.json')]);
  });

  it('with a template that has no resources is CDK_OUT_INVALID', () => {
    expect(failure(() => loadLocalDeployment(cdkOutOf(BAD.noResources))).code).toBe('CDK_OUT_INVALID');
  });

  it.each([
    ['a Ref', BAD.danglingRef, 'Fn', /Fn refers to Missing/],
    ['a Fn::GetAtt', BAD.danglingGetAtt, 'Queue', /Queue refers to Nowhere/],
    ['an import', BAD.danglingImport, 'Queue', /imports nobody-exports-this/],
  ])(
    'with %s to nothing is DANGLING_REFERENCE naming the resource',
    (_what, template, logicalId, message) => {
      const error = failure(() => loadLocalDeployment(cdkOutOf(template)));
      expect([error.code, error.logicalId]).toEqual(['DANGLING_REFERENCE', logicalId]);
      expect(error.message).toMatch(message);
    },
  );

  it('with names that depend on each other is CDK_OUT_INVALID', () => {
    const error = failure(() => loadLocalDeployment(cdkOutOf(BAD.nameCycle)));
    expect([error.code, error.message]).toEqual([
      'CDK_OUT_INVALID',
      expect.stringMatching(/depends on itself/),
    ]);
  });

  it('with an event pattern EventBridge refuses is CDK_OUT_INVALID with the refusal', () => {
    const error = failure(() => loadLocalDeployment(cdkOutOf(BAD.invalidPattern)));
    expect([error.code, error.logicalId]).toEqual(['CDK_OUT_INVALID', 'Rule']);
    expect(error.message).toMatch(/EventBridge refuses its pattern/);
  });

  it('with a definition placeholder no substitution fills is CDK_OUT_INVALID', () => {
    const error = failure(() => loadLocalDeployment(cdkOutOf(BAD.missingSubstitution)));
    expect([error.code, error.logicalId]).toEqual(['CDK_OUT_INVALID', 'Machine']);
    expect(error.message).toMatch(/no value for \$\{WorkerArn\}/);
  });

  it('with a function bundle that is not in cdk.out is ASSET_MISSING', () => {
    const error = failure(() => loadLocalDeployment(cdkOutOf(BAD.missingBundle)));
    expect([error.code, error.logicalId]).toEqual(['ASSET_MISSING', 'Fn']);
    expect(failure(() => loadLocalDeployment(stagedCdkOut('resources', { bundles: false }))).code).toBe(
      'ASSET_MISSING',
    );
  });

  it('with a parameter that has neither a default nor a value is CDK_OUT_INVALID until one is given', () => {
    const dir = cdkOutOf(BAD.parameterWithoutValue);
    expect(failure(() => loadLocalDeployment(dir)).code).toBe('CDK_OUT_INVALID');
    expect(loadLocalDeployment(dir, { parameters: { Stage: 'qa' } }).queues[0]?.name).toBe('qa');
  });
});
