import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { TableDefinition } from '../../../lambdas/contracts/table-definition.js';
import { TypePrefixSubscription } from '../../../lambdas/runtime/type-prefix-subscription.js';
import { AgentFunction } from '../../../lib/constructs/agent-function.js';
import { AgentMonitoring } from '../../../lib/constructs/agent-monitoring.js';
import { AgentStateMachine } from '../../../lib/constructs/agent-state-machine.js';
import { AgentSubscription } from '../../../lib/constructs/agent-subscription.js';
import { AgentTable } from '../../../lib/constructs/agent-table.js';
import { DeadLetterQueue } from '../../../lib/constructs/dead-letter-queue.js';
import { ProducerBusPolicy } from '../../../lib/constructs/producer-bus-policy.js';
import { projectPath } from '../../../lib/constructs/project-paths.js';
import { TableStreamConsumer } from '../../../lib/constructs/table-stream-consumer.js';
import { resourcesOfType } from './template-queries.js';

/**
 * The construct tests' fixture: one stack holding every project construct, wired as the real stack wires them,
 * synthesized once per importing test file (bundling skipped).
 */
export const ECHO_ENTRY = projectPath('test/fixtures/infra/echo-handler.ts');
export const ECHO_ASL = projectPath('test/fixtures/infra/echo.asl.json');
export const WIDGETS: TableDefinition = {
  id: 'Widgets',
  envVar: 'WIDGETS_TABLE_NAME',
  localName: 'widgets',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'N' },
  timeToLiveAttribute: 'expiresAt',
  stream: 'NEW_IMAGE',
  globalSecondaryIndexes: [
    { indexName: 'byOwner', partitionKey: { name: 'owner', type: 'S' }, projection: 'KEYS_ONLY' },
  ],
};

export const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
export const stack = new Stack(app, 'ConstructsUnderTest');
export const bus = new EventBus(stack, 'Bus');
export const widgets = new AgentTable(stack, 'Widgets', { definition: WIDGETS });
export const echo = new AgentFunction(stack, 'Echo', {
  entry: ECHO_ENTRY,
  agentType: 'echo',
  functionName: 'ConstructsUnderTest-echo',
  eventBus: bus,
  agentFunctions: { echo: 'ConstructsUnderTest-echo' },
  tables: [
    {
      table: widgets.table,
      access: { table: WIDGETS, actions: ['dynamodb:Query', 'dynamodb:PutItem'], leadingKeys: ['echo'] },
    },
  ],
});
export const deliveryDlq = new DeadLetterQueue(stack, 'DeliveryDlq');
export const subscription = new TypePrefixSubscription('widget.', 'echo');
new AgentSubscription(stack, 'EchoOnWidgets', {
  eventBus: bus,
  subscription,
  target: echo.function,
  deadLetterQueue: deliveryDlq,
});
export const machine = new AgentStateMachine(stack, 'EchoMachine', {
  definitionFile: ECHO_ASL,
  stateMachineName: 'ConstructsUnderTest-echo',
  definitionSubstitutions: { EchoFunctionArn: echo.function.functionArn, EventBusName: bus.eventBusName },
  policyStatements: [
    new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [echo.function.functionArn] }),
  ],
});
new ProducerBusPolicy(stack, 'Producers', {
  eventBus: bus,
  producers: {
    WidgetOrdered: { sources: ['shop.widgets'], accounts: ['222222222222', '111111111111'] },
    WidgetPaid: { sources: ['payments.widgets'], accounts: ['222222222222'] },
    WidgetShipped: { sources: ['payments.widgets'], accounts: ['222222222222'] },
    WidgetLocal: { sources: ['shop.widgets'], accounts: [] },
  },
});
new TableStreamConsumer(stack, 'WidgetStream', {
  table: widgets.table,
  consumer: echo.function,
  deadLetterQueue: deliveryDlq,
  filterPattern: { eventName: ['INSERT'] },
});
export const monitoring = new AgentMonitoring(stack, 'Monitoring', {});
monitoring.watchFunction('Echo', echo.function);
monitoring.watchQueue('EchoDlq', echo.deadLetterQueue);
monitoring.watchStateMachine('EchoMachine', machine.stateMachine);
monitoring.watchStreamConsumer('WidgetStream', echo.function);
monitoring.addSummary();
export const template = Template.fromStack(stack);

export const onlyFunction = () => {
  const [fn] = Object.values(resourcesOfType(template, 'AWS::Lambda::Function'));
  if (fn === undefined) throw new Error('no function synthesized');
  return fn;
};
