import { describe, expect, it } from 'vitest';
import { loadLocalDeployment } from '../../../../local/cloud/load-local-deployment.js';
import { formatNotModelled } from '../../../../local/cloud/not-modelled.js';
import BAD from '../../../fixtures/cdk-out/bad-templates.json' with { type: 'json' };
import { cdkOutOf } from './staged-cdk-out.js';

const { notModelled } = loadLocalDeployment(cdkOutOf(BAD.notModelled, 'App'));
const entry = (logicalId: string, what: string) =>
  notModelled.filter((candidate) => candidate.logicalId === logicalId && candidate.what === what);

describe('what the local cloud does not model is listed, never dropped', () => {
  it('lists a resource type it does not run as unsupported', () => {
    expect(entry('Topic', 'resource')).toEqual([
      {
        stackName: 'App',
        logicalId: 'Topic',
        type: 'AWS::SNS::Topic',
        what: 'resource',
        reason: 'this resource type is not run locally',
        disposition: 'unsupported',
      },
    ]);
  });

  it('lists IAM as ignored on purpose, with why', () => {
    expect(entry('Role', 'resource')).toMatchObject([
      { disposition: 'ignored', reason: 'IAM is not enforced locally' },
    ]);
  });

  it('lists a property it does not honour as unsupported and one without local effect as ignored, inert ones not at all', () => {
    expect(entry('Fn', 'property Layers')).toMatchObject([
      { disposition: 'unsupported', reason: 'not honoured locally' },
    ]);
    expect(entry('Fn', 'property TracingConfig')).toMatchObject([{ disposition: 'ignored' }]);
    expect(entry('Fn', 'property Description')).toEqual([]);
  });

  it('lists an unknown target property, a target outside the deployment and a qualifier it does not run', () => {
    expect(entry('Rule.Targets[T]', 'property HttpParameters')).toMatchObject([
      { disposition: 'unsupported' },
    ]);
    expect(entry('Rule', 'target Alias')).toMatchObject([
      { reason: 'the qualifier live is not modelled: $LATEST runs' },
    ]);
  });

  it('lists a container image function and leaves it out of the functions', () => {
    const { functions } = loadLocalDeployment(cdkOutOf(BAD.notModelled, 'App'));
    expect(entry('Image', 'property Code')).toMatchObject([
      { reason: 'container images are not run locally' },
    ]);
    expect(functions.map((fn) => fn.logicalId)).toEqual(['Fn']);
  });

  it('lists an SSM parameter it cannot read, using its name', () => {
    expect(entry('Fn', 'Ref Version')).toMatchObject([{ disposition: 'unsupported' }]);
  });

  it('prints one line per kind of gap, unsupported first, with how many resources share it', () => {
    const lines = formatNotModelled(notModelled);
    expect(lines[0]).toMatch(/^unsupported: /);
    expect(lines).toContain(
      'ignored: 2 × AWS::IAM::Role resource (IAM is not enforced locally): Role, OtherRole',
    );
    expect(lines.filter((line) => line.includes('AWS::IAM::Role'))).toHaveLength(1);
  });
});
