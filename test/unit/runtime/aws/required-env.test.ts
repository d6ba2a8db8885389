import { describe, expect, it } from 'vitest';
import { AwsRuntimeConfigError } from '../../../../lambdas/runtime/aws/aws-runtime-error.js';
import { requiredEnv } from '../../../../lambdas/runtime/aws/required-env.js';

describe('requiredEnv', () => {
  it('returns the value of a variable that is set', () => {
    expect(requiredEnv({ QUEUE_URL: 'https://sqs.example/q' }, 'QUEUE_URL')).toBe('https://sqs.example/q');
  });

  it.each([
    ['missing', {}],
    ['empty', { QUEUE_URL: '' }],
  ])('fails with a config error naming the variable when it is %s', (_case, env) => {
    const failure = (() => {
      try {
        requiredEnv(env, 'QUEUE_URL');
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(AwsRuntimeConfigError);
    expect(failure).toMatchObject({
      code: 'AWS_RUNTIME_CONFIG',
      variable: 'QUEUE_URL',
      message: 'Environment variable QUEUE_URL is not set',
    });
  });
});
