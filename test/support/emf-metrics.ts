import { Metrics } from '@aws-lambda-powertools/metrics';
import { vi } from 'vitest';
import { AGENT_METRICS } from '../../lambdas/contracts/agent-metrics.js';

/** One CloudWatch Embedded Metric Format document as Powertools prints it. */
interface EmfDocument {
  readonly _aws: {
    readonly CloudWatchMetrics: readonly {
      readonly Namespace: string;
      readonly Metrics: readonly { readonly Name: string }[];
    }[];
  };
  readonly [field: string]: unknown;
}

const isEmf = (value: unknown): value is EmfDocument =>
  typeof value === 'object' && value !== null && '_aws' in value;

const parse = (line: string): unknown => {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
};

/**
 * Powertools Metrics for the agentbridge namespace with publishing on (tests elsewhere disable it): what an
 * agent function prints at the end of each invocation is what CloudWatch turns into metrics.
 */
export function publishingMetrics(serviceName: string): Metrics {
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  try {
    return new Metrics({ namespace: AGENT_METRICS.namespace, serviceName });
  } finally {
    vi.unstubAllEnvs();
  }
}

/**
 * Runs `work` and reads the EMF documents it printed to stdout: each metric's values summed by name, per
 * namespace-qualified name `<namespace>/<Name>`. Lines that are not EMF (logs) are ignored.
 */
export async function emfMetricsOf(work: () => Promise<unknown>): Promise<Record<string, number>> {
  const lines: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n'));
    return true;
  });
  try {
    await work();
  } finally {
    write.mockRestore();
  }
  const totals: Record<string, number> = {};
  for (const document of lines.map(parse).filter(isEmf)) {
    for (const directive of document._aws.CloudWatchMetrics) {
      for (const { Name } of directive.Metrics) {
        const value = document[Name];
        const values = Array.isArray(value) ? value : [value];
        const key = `${directive.Namespace}/${Name}`;
        totals[key] = (totals[key] ?? 0) + values.reduce((sum: number, item) => sum + Number(item), 0);
      }
    }
  }
  return totals;
}
