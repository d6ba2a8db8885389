import { AgentbridgeError } from '../../lambdas/contracts/agentbridge-error.js';

/**
 * An agent function run in this process tried to call AWS (a publish or send through its context during a
 * task). Offline, functions reach the bus and each other through the local state machines and runtime only.
 */
export class OfflineAwsCallError extends AgentbridgeError {
  override readonly name = 'OfflineAwsCallError';
  readonly agentType: string;
  readonly service: string;
  /** As the SDK marks a request it refuses: the publisher and invoker do not retry it. */
  readonly $fault = 'client';

  constructor(agentType: string, service: string) {
    super(
      'OFFLINE_AWS_CALL',
      `The ${agentType} function called ${service} while handling a task; offline, tasks reach no AWS service`,
    );
    this.agentType = agentType;
    this.service = service;
  }
}
