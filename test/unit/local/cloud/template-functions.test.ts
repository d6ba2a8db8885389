import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCdkTemplate } from '../../../../local/cdk-out/cdk-out-template.js';
import { templateFunctions } from '../../../../local/cdk-out/template-functions.js';
import { stagedCdkOut } from './staged-cdk-out.js';

const WORKER_BUNDLE = `asset.${'1'.repeat(64)}`;

describe('the functions of a template, for the cost report and the cold-start bench', () => {
  it('reads them through the loader: references resolved as the local cloud resolves them, the bundle found', () => {
    const dir = stagedCdkOut('resources');
    const [worker] = templateFunctions(readCdkTemplate(dir, 'Resources'), dir, 'Resources');
    expect(worker).toEqual({
      logicalId: 'Worker',
      functionName: 'worker',
      memoryMb: 1024,
      architecture: 'arm64',
      assetDir: join(dir, WORKER_BUNDLE),
      environment: {
        QUEUE_URL: 'http://sqs.us-east-1.localhost.localstack.cloud:4566/000000000000/work',
        TABLE_NAME: 'orders',
        RETRIES: '3',
      },
    });
  });

  it('reads a synthesis whose bundles are absent, leaving the asset directory out', () => {
    const dir = stagedCdkOut('resources', { bundles: false });
    const [worker] = templateFunctions(readCdkTemplate(dir, 'Resources'), dir, 'Resources');
    expect([worker?.functionName, worker?.assetDir]).toEqual(['worker', undefined]);
  });
});
