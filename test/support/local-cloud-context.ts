import { LocalClock } from '../../local/cloud/local-clock.js';
import type {
  LocalCloudContext,
  LocalEvents,
  LocalExecutions,
  LocalFunctions,
  LocalQueues,
} from '../../local/cloud/local-cloud-ports.js';
import type { LocalDeployment } from '../../local/cloud/local-deployment.js';
import { InMemoryJournal } from '../../local/cloud/local-journal.js';

export interface TestCloudPorts {
  readonly functions?: LocalFunctions;
  readonly queues?: LocalQueues;
  readonly events?: LocalEvents;
  readonly executions?: LocalExecutions;
}

/**
 * A context for testing one local service alone: the ports it is given, and for the others a port that fails
 * the test when called (a service reaching for something the test did not expect is a finding, not a no-op).
 */
export function testCloudContext(
  deployment: LocalDeployment,
  ports: TestCloudPorts = {},
  options: { readonly clock?: LocalClock; readonly endpointUrl?: string } = {},
): LocalCloudContext & { readonly journal: InMemoryJournal } {
  const clock = options.clock ?? new LocalClock({ running: true });
  const missing = (name: string) => (): never => {
    throw new Error(`the service under test called the ${name} port, which this test does not provide`);
  };
  return {
    deployment,
    clock,
    journal: new InMemoryJournal(clock),
    endpointUrl: () => options.endpointUrl ?? 'http://127.0.0.1:4566',
    functions: ports.functions ? () => ports.functions as LocalFunctions : missing('functions'),
    queues: ports.queues ? () => ports.queues as LocalQueues : missing('queues'),
    events: ports.events ? () => ports.events as LocalEvents : missing('events'),
    executions: ports.executions ? () => ports.executions as LocalExecutions : missing('executions'),
  };
}
