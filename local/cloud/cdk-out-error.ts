import { AgentbridgeError } from '../../lambdas/contracts/agentbridge-error.js';

/** Why a cdk.out cannot be loaded; stable so callers (the CLI, tests) branch on it. */
export type CdkOutErrorCode =
  | 'CDK_OUT_MISSING'
  | 'CDK_OUT_NOT_JSON'
  | 'CDK_OUT_INVALID'
  | 'DANGLING_REFERENCE'
  | 'ASSET_MISSING';

/**
 * A cdk.out the local cloud cannot deploy: a missing manifest or template, a file that is not JSON, a
 * template CloudFormation itself would refuse (a `Ref` to nothing, a cycle, an invalid event pattern) or a
 * bundle that is not where the asset manifest says. `path` names the file, `logicalId` the resource.
 */
export class CdkOutError extends AgentbridgeError {
  override readonly name = 'CdkOutError';
  declare readonly code: CdkOutErrorCode;
  readonly path: string | undefined;
  readonly logicalId: string | undefined;

  constructor(
    code: CdkOutErrorCode,
    message: string,
    where: { path?: string; logicalId?: string; cause?: unknown } = {},
  ) {
    super(code, message, { cause: where.cause });
    this.path = where.path;
    this.logicalId = where.logicalId;
  }
}

export const isCdkOutError = (error: unknown): error is CdkOutError => error instanceof CdkOutError;
