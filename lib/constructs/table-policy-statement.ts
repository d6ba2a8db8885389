import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { TableAccess } from '../../lambdas/contracts/table-access.js';

/** Index-level actions: the only ones that may touch a GSI. */
const INDEX_ACTIONS = new Set(['dynamodb:Query', 'dynamodb:Scan']);

/**
 * The IAM statement for one table binding: exactly the given actions, on the table and (only when an action
 * can read an index) on each of its named indexes, never `<table>/index/*`. With `leadingKeys` the statement
 * is conditioned on `dynamodb:LeadingKeys`, so a function sharing a table (agent state) can only reach the
 * partitions it owns; with `leadingKeyPatterns` on the partitions matching them (`StringLike`); with
 * `attributes` on writing (and returning) only those attribute names.
 *
 * @example
 * ```ts
 * role.addToPrincipalPolicy(tablePolicyStatement({ table, access: { table: AGENT_STATE_TABLE,
 *   actions: TABLE_ACTIONS.agentState, leadingKeys: ['payment'] } }));
 * ```
 */
export function tablePolicyStatement(binding: {
  readonly table: ITable;
  readonly access: TableAccess;
}): PolicyStatement {
  const { table, access } = binding;
  const readsIndexes = access.actions.some((action) => INDEX_ACTIONS.has(action));
  const indexArns = readsIndexes
    ? (access.table.globalSecondaryIndexes ?? []).map((index) => `${table.tableArn}/index/${index.indexName}`)
    : [];
  const equals = {
    ...(access.leadingKeys ? { 'dynamodb:LeadingKeys': [...access.leadingKeys] } : {}),
    ...(access.attributes ? { 'dynamodb:Attributes': [...access.attributes] } : {}),
  };
  const conditions = {
    ...(access.leadingKeyPatterns
      ? { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...access.leadingKeyPatterns] } }
      : {}),
    ...(Object.keys(equals).length > 0 ? { 'ForAllValues:StringEquals': equals } : {}),
    ...(access.attributes ? { StringEqualsIfExists: { 'dynamodb:ReturnValues': ['NONE'] } } : {}),
  };
  return new PolicyStatement({
    actions: [...access.actions],
    resources: [table.tableArn, ...indexArns],
    ...(Object.keys(conditions).length > 0 ? { conditions } : {}),
  });
}
