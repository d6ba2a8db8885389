import type {
  StateMachineContract,
  StateMachinePlaceholder,
} from '../../lambdas/contracts/state-machine-contract.js';

/** The bus name the local state machines' `events:putEvents` tasks write to (informational offline). */
export const LOCAL_EVENT_BUS_NAME = 'agentbridge-local';

/** A named queue's URL offline (the local engine hands `sqs:sendMessage` bodies to its queue sink). */
export const localQueueUrl = (queue: string): string =>
  `https://sqs.us-east-1.amazonaws.com/000000000000/agentbridge-${queue}`;

/**
 * The `definitionSubstitutions` of one state machine offline, resolved from its contract exactly as the CDK
 * stack resolves them on AWS: function ARNs (from `functionArn`), the bus name, other machines' ARNs and their executions' ARN prefix, named queues.
 *
 * @example
 * ```ts
 * localSubstitutions(STATE_MACHINES.orderSaga, { functionArn: localFunctionArn, stateMachineArn: (name) => sfn.stateMachineArn(name) });
 * ```
 */
export function localSubstitutions(
  contract: StateMachineContract,
  resolve: { functionArn: (agentType: string) => string; stateMachineArn: (name: string) => string },
): Record<string, string> {
  const value = (placeholder: StateMachinePlaceholder): string => {
    switch (placeholder.kind) {
      case 'functionArn':
        return resolve.functionArn(placeholder.agentType);
      case 'eventBusName':
        return LOCAL_EVENT_BUS_NAME;
      case 'stateMachineArn':
        return resolve.stateMachineArn(placeholder.machine);
      case 'executionArnPrefix':
        return resolve.stateMachineArn(placeholder.machine).replace(':stateMachine:', ':execution:');
      case 'queueUrl':
        return localQueueUrl(placeholder.queue);
    }
  };
  return Object.fromEntries(
    Object.entries(contract.placeholders).map(([name, placeholder]) => [name, value(placeholder)]),
  );
}
