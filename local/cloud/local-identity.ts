/**
 * Who the local cloud pretends to be: the partition, region and account every local ARN is built in, and
 * the endpoint queue URLs point at. The defaults are LocalStack's, so ARNs look as they do there.
 */
export interface LocalIdentity {
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  readonly urlSuffix: string;
  /** Base of every queue URL (`<sqsEndpoint>/<account>/<queue>`), without a trailing slash. */
  readonly sqsEndpoint: string;
}

/** Account 000000000000 in us-east-1, queue URLs on LocalStack's edge port. */
export const DEFAULT_LOCAL_IDENTITY: LocalIdentity = {
  accountId: '000000000000',
  region: 'us-east-1',
  partition: 'aws',
  urlSuffix: 'amazonaws.com',
  sqsEndpoint: 'http://sqs.us-east-1.localhost.localstack.cloud:4566',
};

/** The identity with the given fields replaced; the queue endpoint follows a changed region unless given. */
export function localIdentity(overrides: Partial<LocalIdentity> = {}): LocalIdentity {
  const region = overrides.region ?? DEFAULT_LOCAL_IDENTITY.region;
  return {
    ...DEFAULT_LOCAL_IDENTITY,
    sqsEndpoint: `http://sqs.${region}.localhost.localstack.cloud:4566`,
    ...overrides,
  };
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>` in the local identity. */
export const localArn = (
  identity: LocalIdentity,
  service: string,
  resource: string,
  scope: { region?: string; account?: string } = {},
): string =>
  `arn:${identity.partition}:${service}:${scope.region ?? identity.region}:${scope.account ?? identity.accountId}:${resource}`;
