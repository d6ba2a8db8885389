import {
  STATE_MACHINES,
  type StateMachineContract,
  type StateMachinePlaceholder,
} from '../../lambdas/contracts/state-machines.js';

/** The bus name the local state machines' `events:putEvents` tasks write to (informational offline). */
export const LOCAL_EVENT_BUS_NAME = 'agentbridge-local';

/** The parked-saga queue's URL offline (the local engine hands `sqs:sendMessage` bodies to its queue sink). */
export const LOCAL_PARKED_SAGA_QUEUE_URL =
  'https://sqs.us-east-1.amazonaws.com/000000000000/agentbridge-parked-sagas';

/**
 * The `definitionSubstitutions` of one state machine offline, resolved from its contract exactly as the CDK
 * stack resolves them on AWS: function ARNs (from `functionArn`), the bus name, other machines' ARNs and their executions' ARN prefix, the parked-saga queue.
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
        return resolve.stateMachineArn(STATE_MACHINES[placeholder.machine].name);
      case 'executionArnPrefix':
        return resolve
          .stateMachineArn(STATE_MACHINES[placeholder.machine].name)
          .replace(':stateMachine:', ':execution:');
      case 'parkedSagaQueueUrl':
        return LOCAL_PARKED_SAGA_QUEUE_URL;
    }
  };
  return Object.fromEntries(
    Object.entries(contract.placeholders).map(([name, placeholder]) => [name, value(placeholder)]),
  );
}
