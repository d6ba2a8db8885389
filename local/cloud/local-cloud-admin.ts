import { DEAD_LETTERS_OF_TAG } from '../../lambdas/contracts/dead-letter-record.js';
import type { AdminHandler } from './endpoint/aws-endpoint.js';
import type { AwsResponse } from './endpoint/aws-service.js';
import { InvalidDurationError } from './local-clock.js';
import type { JournalEntry, LocalFaults } from './local-cloud-ports.js';
import type { LocalDeployment } from './local-deployment.js';
import { formatNotModelled } from './not-modelled.js';

/** A queue as `GET /_agentbridge/deployment` lists it, with what sends it its failures. */
export interface DeploymentQueueSummary {
  readonly name: string;
  readonly url: string;
  readonly arn: string;
  /** The queues, rules, functions and mappings that use this queue as their dead-letter or on-failure queue. */
  readonly deadLetterQueueOf: readonly string[];
}

/** The body of `GET /_agentbridge/deployment`: names of what runs, and what does not. */
export interface DeploymentSummary {
  readonly stacks: readonly string[];
  readonly tables: readonly string[];
  readonly functions: readonly string[];
  readonly queues: readonly DeploymentQueueSummary[];
  readonly rules: readonly string[];
  readonly stateMachines: readonly string[];
  /** One line per kind of thing not modelled, as printed at start-up. */
  readonly notModelled: readonly string[];
}

/** What the admin routes read and do. */
export interface LocalCloudAdminOptions {
  readonly deployment: LocalDeployment;
  readonly entries: () => readonly JournalEntry[];
  /** Moves the clock on (`3d`, `90s`) and resolves with its time once what the move started has settled. */
  readonly advance: (duration: string) => Promise<number>;
  /** The faults `PUT /_agentbridge/faults` switches; absent, the route answers 404. */
  readonly faults?: LocalFaults;
}

/** The deployment as the CLI lists it. */
export function deploymentSummary(deployment: LocalDeployment): DeploymentSummary {
  const failuresTo = new Map<string, string[]>();
  const add = (arn: string | undefined, from: string): void => {
    if (arn !== undefined) failuresTo.set(arn, [...(failuresTo.get(arn) ?? []), from]);
  };
  for (const queue of deployment.queues) add(queue.redrivePolicy?.deadLetterTarget.arn, queue.name);
  // A queue a function writes its own dead letters to says whose in a tag.
  for (const queue of deployment.queues) {
    const of = queue.tags?.[DEAD_LETTERS_OF_TAG];
    if (of !== undefined) add(queue.arn, of);
  }
  for (const rule of deployment.rules) {
    for (const target of rule.targets) add(target.deadLetterQueue?.arn, `${rule.name}/${target.id}`);
  }
  for (const fn of deployment.functions) add(fn.deadLetterTarget?.arn, fn.name);
  for (const config of deployment.eventInvokeConfigs) add(config.onFailure?.arn, config.functionName);
  for (const mapping of deployment.eventSourceMappings) {
    add(mapping.onFailure?.arn, `${mapping.source.name}→${mapping.functionName}`);
  }
  return {
    stacks: deployment.stacks.map((stack) => stack.stackName),
    tables: deployment.tables.map((table) => table.tableName),
    functions: deployment.functions.map((fn) => fn.name),
    queues: deployment.queues.map((queue) => ({
      name: queue.name,
      url: queue.url,
      arn: queue.arn,
      deadLetterQueueOf: [...new Set(failuresTo.get(queue.arn) ?? [])],
    })),
    rules: deployment.rules.map((rule) => rule.name),
    stateMachines: deployment.stateMachines.map((machine) => machine.name),
    notModelled: formatNotModelled(deployment.notModelled),
  };
}

const json = (status: number, body: unknown): AwsResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const failure = (status: number, type: string, message: string): AwsResponse =>
  json(status, { __type: type, message });

/**
 * The local cloud's own routes, for the `agentbridge` CLI and tests (unsigned JSON):
 * `GET /_agentbridge/journal?contains=<text>` → the journal entries whose text contains it (all without),
 * `POST /_agentbridge/clock/advance` `{"duration":"3d"}` → `{"now": <epoch ms>}`,
 * `GET /_agentbridge/deployment` → {@link DeploymentSummary},
 * `PUT /_agentbridge/faults` `{"duplicateDeliveries":true}` → the faults now injected ({@link LocalFaults}).
 */
export function localCloudAdmin(options: LocalCloudAdminOptions): AdminHandler {
  return async (request) => {
    const route = `${request.method} ${request.path}`;
    if (route === 'GET /_agentbridge/journal') {
      const contains = request.query.get('contains');
      const entries = options.entries();
      return json(
        200,
        contains === null ? entries : entries.filter((entry) => JSON.stringify(entry).includes(contains)),
      );
    }
    if (route === 'GET /_agentbridge/deployment') return json(200, deploymentSummary(options.deployment));
    if (route === 'POST /_agentbridge/clock/advance') {
      let duration: unknown;
      try {
        duration = (JSON.parse(request.body) as { duration?: unknown }).duration;
      } catch {
        return failure(400, 'SerializationException', 'The body is not JSON: send {"duration":"3d"}');
      }
      if (typeof duration !== 'string') {
        return failure(400, 'ValidationException', 'duration must be text such as "90s", "2h" or "3d"');
      }
      try {
        return json(200, { now: await options.advance(duration) });
      } catch (error) {
        if (error instanceof InvalidDurationError) {
          return failure(400, 'ValidationException', error.message);
        }
        throw error;
      }
    }
    if (route === 'PUT /_agentbridge/faults' && options.faults !== undefined) {
      let body: unknown;
      try {
        body = JSON.parse(request.body);
      } catch {
        return failure(
          400,
          'SerializationException',
          'The body is not JSON: send {"duplicateDeliveries":true}',
        );
      }
      const duplicate = (body as { duplicateDeliveries?: unknown } | null)?.duplicateDeliveries;
      if (typeof duplicate !== 'boolean') {
        return failure(400, 'ValidationException', 'duplicateDeliveries must be true or false');
      }
      options.faults.duplicateDeliveries = duplicate;
      return json(200, { ...options.faults });
    }
    return failure(404, 'ResourceNotFoundException', `No admin route ${route}`);
  };
}
