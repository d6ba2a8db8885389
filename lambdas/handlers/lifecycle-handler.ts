import { SFNClient } from '@aws-sdk/client-sfn';
import { lifecycleAgent } from '../agents/lifecycle/lifecycle-agent.js';
import { LIFECYCLE_SUBSCRIPTIONS } from '../agents/lifecycle/lifecycle-subscriptions.js';
import { lifecycleTasks } from '../agents/lifecycle/lifecycle-tasks.js';
import { SfnTaskCallbacks } from '../agents/lifecycle/sfn-task-callbacks.js';
import { LIFECYCLE_AGENT_TYPE } from '../contracts/order/lifecycle-tasks.js';
import { TASK_TOKEN_TABLE } from '../contracts/tables/task-token-table.js';
import { agentHandler } from '../runtime/lambda/agent-handler.js';
import { DynamoDbTaskTokenStore } from '../stores/task-tokens/dynamodb/dynamodb-task-token-store.js';
import { agentFunctionWiring } from './agent-function-wiring.js';

/**
 * The lifecycle agent's Lambda function: the order lifecycle's "await trigger" task (parks the
 * `.waitForTaskToken` token) and the trigger events (PaymentCompleted, ProcessingStarted, ShippingConfirmed,
 * DeliveryConfirmed, OrderCancelled) that resume the waiting execution with SendTaskSuccess. Tables: task
 * tokens (put, conditional delete, query). Step Functions: SendTaskSuccess/Failure/Heartbeat.
 */
const wiring = agentFunctionWiring(LIFECYCLE_AGENT_TYPE);
const tokens = new DynamoDbTaskTokenStore({
  documentClient: wiring.documentClient,
  tableName: wiring.tableName(TASK_TOKEN_TABLE),
});
const callbacks = new SfnTaskCallbacks(wiring.deps.tracer.captureAWSv3Client(new SFNClient({})));

export const handler = agentHandler({
  agentType: LIFECYCLE_AGENT_TYPE,
  definition: lifecycleAgent(
    lifecycleTasks({
      tokens,
      callbacks,
      logger: {
        warn: (message, extra) => wiring.deps.logger.warn(message, extra ?? {}),
        error: (message, extra) => wiring.deps.logger.error(message, extra ?? {}),
      },
    }),
  ),
  subscriptions: LIFECYCLE_SUBSCRIPTIONS,
  deps: wiring.deps,
});
