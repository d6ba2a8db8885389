/**
 * Something of a template the local cloud does not run as AWS would: `ignored` when it has no local effect
 * by design (IAM, logs, alarms: nothing enforces or evaluates them offline), `unsupported` when AWS would do
 * something the local cloud does not. Listed once each, so the start-up output says what is missing.
 */
export interface NotModelledEntry {
  readonly stackName: string;
  readonly logicalId: string;
  readonly type: string;
  /** The resource, property or intrinsic not modelled (`resource`, `property Layers`, `Fn::GetAtt X.Y`). */
  readonly what: string;
  readonly reason: string;
  readonly disposition: 'ignored' | 'unsupported';
}

/** Resource types with no local effect, and why; every one is still listed. */
export const IGNORED_RESOURCE_TYPES: Readonly<Record<string, string>> = {
  'AWS::IAM::Role': 'IAM is not enforced locally',
  'AWS::IAM::Policy': 'IAM is not enforced locally',
  'AWS::IAM::ManagedPolicy': 'IAM is not enforced locally',
  'AWS::Lambda::Permission': 'resource policies are not enforced locally',
  'AWS::SQS::QueuePolicy': 'resource policies are not enforced locally',
  'AWS::Logs::LogGroup': 'function and state machine logs go to the console',
  'AWS::CloudWatch::Alarm': 'metrics and alarms are not evaluated locally',
  'AWS::CloudWatch::CompositeAlarm': 'metrics and alarms are not evaluated locally',
  'AWS::CloudWatch::Dashboard': 'dashboards have no local effect',
  'AWS::CDK::Metadata': 'CDK analytics, no runtime effect',
};

/**
 * The list as one line per (disposition, type, what, reason), with how many resources share it and which,
 * so 39 alarms make one line: what the CLI prints at start-up.
 *
 * @example
 * ```ts
 * for (const line of formatNotModelled(deployment.notModelled)) console.error(line);
 * ```
 */
export function formatNotModelled(entries: readonly NotModelledEntry[]): string[] {
  const groups = new Map<string, NotModelledEntry[]>();
  for (const entry of entries) {
    const key = [entry.disposition, entry.type, entry.what, entry.reason].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.values()]
    .sort((a, b) => rank(a) - rank(b))
    .map((group) => {
      const [first] = group;
      if (first === undefined) return '';
      const ids = group.map((entry) => entry.logicalId);
      const shown = ids.length > 3 ? `${ids.slice(0, 3).join(', ')}, …` : ids.join(', ');
      return `${first.disposition}: ${group.length} × ${first.type} ${first.what} (${first.reason}): ${shown}`;
    });
}

const rank = (group: readonly NotModelledEntry[]): number =>
  group[0]?.disposition === 'unsupported' ? 0 : 1;
