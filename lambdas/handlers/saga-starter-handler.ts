import { SFNClient } from '@aws-sdk/client-sfn';
import { SAGA_STARTER_AGENT } from '../agents/saga-starter/saga-starter-declaration.js';
import { SfnExecutionStarter } from '../agents/saga-starter/sfn-execution-starter.js';
import { ENV } from '../contracts/env-names.js';
import { AGENT_STATE_TABLE } from '../contracts/tables/agent-state-table.js';
import { requiredEnv } from '../runtime/aws/required-env.js';
import { agentHandler } from '../runtime/lambda/agent-handler.js';
import { DynamoDbAgentStateStore } from '../stores/agent-state/dynamodb/dynamodb-agent-state-store.js';
import { agentFunctionWiring } from './agent-function-wiring.js';

/**
 * The saga starter's Lambda function: the first OrderRequested of an order id on the bus (enveloped on
 * `order.requested/<orderId>` or bare from an outside service) starts the order saga with StartExecution,
 * execution name = order id; a conditional record per order in the agent-state table (the starter's
 * partition) keeps a redelivered or repeated event from starting a second saga. Tables: none of its own. Step Functions: states:StartExecution on the order-saga machine
 * (`AGENTBRIDGE_SAGA_STATE_MACHINE_ARN`).
 */
const wiring = agentFunctionWiring(SAGA_STARTER_AGENT.agentType);
const stateMachineArn = requiredEnv(process.env, ENV.sagaStateMachineArn);
const starter = new SfnExecutionStarter({
  client: wiring.deps.tracer.captureAWSv3Client(new SFNClient({})),
  stateMachineArn,
});

export const handler = agentHandler(
  SAGA_STARTER_AGENT,
  {
    starter,
    records: new DynamoDbAgentStateStore({
      documentClient: wiring.documentClient,
      tableName: wiring.tableName(AGENT_STATE_TABLE),
    }),
    logger: wiring.runtimeLogger,
  },
  wiring.deps,
);
