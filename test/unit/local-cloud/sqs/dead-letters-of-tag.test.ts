import { describe, expect, it } from 'vitest';
import { localDeploymentOf, templateStack } from '../../../../local/cloud/load-local-deployment.js';
import { deploymentSummary } from '../../../../local/cloud/local-cloud-admin.js';

describe('a queue tagged with whose dead letters it holds', () => {
  it('is listed as a dead-letter queue of what its tag names, an untagged plain queue is not', () => {
    const template = {
      Resources: {
        Unrouted: {
          Type: 'AWS::SQS::Queue',
          Properties: {
            Tags: [{ Key: 'agentbridge:dead-letters-of', Value: 'events no rule on the bus matches' }],
          },
        },
        Work: { Type: 'AWS::SQS::Queue', Properties: { Tags: [{ Key: 'team', Value: 'ops' }] } },
      },
    };
    const deployment = localDeploymentOf([templateStack(template, 'Tagged')], '.');
    const queues = deploymentSummary(deployment).queues;
    expect(queues.map(({ deadLetterQueueOf }) => deadLetterQueueOf)).toEqual([
      ['events no rule on the bus matches'],
      [],
    ]);
  });
});
