import { readFileSync } from 'node:fs';
import { projectPath } from '../../../../lib/constructs/project-paths.js';
import { AwsServiceError } from '../../../../local/cloud/endpoint/aws-service.js';
import { createLocalEvents, type LocalEventsOptions } from '../../../../local/cloud/events/local-events.js';
import { localDeploymentOf, templateStack } from '../../../../local/cloud/load-local-deployment.js';
import { LocalClock } from '../../../../local/cloud/local-clock.js';
import type {
  LocalEvents,
  LocalExecutions,
  LocalFunctions,
  LocalQueues,
  PutEventsEntry,
} from '../../../../local/cloud/local-cloud-ports.js';
import type { LocalDeployment } from '../../../../local/cloud/local-deployment.js';
import { testCloudContext } from '../../../support/local-cloud-context.js';

const TEMPLATE = projectPath('test/fixtures/local-cloud/events/events.template.json');

/** The events fixture: a custom bus and the default one, rules to a function, a machine, queues, a bus. */
export function eventsDeployment(): LocalDeployment {
  return localDeploymentOf(
    [templateStack(JSON.parse(readFileSync(TEMPLATE, 'utf8')), 'Events')],
    projectPath('.'),
  );
}

export type SentMessage = Parameters<LocalQueues['sendMessage']>[0];

type PortName = 'functions' | 'queues' | 'executions';

/** Ports that record what they are handed; `failNext(port, …errors)` makes that port's next calls throw. */
export function recordingPorts() {
  const invocations: { functionName: string; payload: string; at: number }[] = [];
  const failures: Record<PortName, Error[]> = { functions: [], queues: [], executions: [] };
  const failIfScripted = (port: PortName) => {
    const failure = failures[port].shift();
    if (failure !== undefined) throw failure;
  };
  const messages: SentMessage[] = [];
  const executions: { stateMachineArn: string; input?: string }[] = [];
  let clockNow = () => 0;
  const functions: LocalFunctions = {
    invoke: async () => {
      throw new Error('EventBridge invokes functions asynchronously only');
    },
    invokeAsync: async (functionName, payload) => {
      invocations.push({ functionName, payload, at: clockNow() });
      failIfScripted('functions');
    },
  };
  const queues: LocalQueues = {
    sendMessage: async (message) => {
      failIfScripted('queues');
      messages.push(message);
      return { messageId: `m-${messages.length}` };
    },
  };
  const executionsPort: LocalExecutions = {
    startExecution: async (request) => {
      failIfScripted('executions');
      executions.push(request);
      return { executionArn: `${request.stateMachineArn}:e-${executions.length}`, startDate: new Date(0) };
    },
  };
  return {
    invocations,
    messages,
    executions,
    functions,
    queues,
    executionsPort,
    failNext: (port: PortName, ...errors: Error[]) => failures[port].push(...errors),
    useClock: (clock: LocalClock) => {
      clockNow = () => clock.now();
    },
  };
}

export const throttled = () =>
  new AwsServiceError('TooManyRequestsException', 'Rate exceeded', { status: 429, transient: true });
export const missing = () =>
  new AwsServiceError('ResourceNotFoundException', 'Function not found: worker', { status: 404 });

export const START = Date.UTC(2026, 0, 1);

/** The local EventBridge on the fixture with recording ports, a frozen clock and jitter fixed at its middle. */
export function eventsUnderTest(options: LocalEventsOptions = {}) {
  const clock = new LocalClock({ start: START });
  const ports = recordingPorts();
  ports.useClock(clock);
  let self: LocalEvents | undefined;
  const loopback: LocalEvents = {
    putEvents: (entries: readonly PutEventsEntry[]) => {
      if (self === undefined) throw new Error('the bus is not built yet');
      return self.putEvents(entries);
    },
  };
  const context = testCloudContext(
    eventsDeployment(),
    { functions: ports.functions, queues: ports.queues, executions: ports.executionsPort, events: loopback },
    { clock },
  );
  const local = createLocalEvents(context, { backoff: { random: () => 0.5 }, ...options });
  self = local.events;
  return { ...local, clock, context, journal: context.journal, ports };
}

export const order = (
  detail: Record<string, unknown>,
  extra: Partial<PutEventsEntry> = {},
): PutEventsEntry => ({
  Source: 'shop',
  DetailType: 'OrderPlaced',
  Detail: JSON.stringify(detail),
  EventBusName: 'orders-bus',
  ...extra,
});
