import { PAYMENT_AGENT } from '../agents/payment/payment-declaration.js';
import { paymentTasks } from '../agents/payment/payment-tasks.js';
import { SimulatedPaymentGateway } from '../agents/payment/simulated-payment-gateway.js';
import { PAYMENTS_TABLE } from '../contracts/tables/payments-table.js';
import { agentHandler } from '../runtime/lambda/agent-handler.js';
import { DynamoDbPaymentStore } from '../stores/payments/dynamodb/dynamodb-payment-store.js';
import { agentFunctionWiring } from './agent-function-wiring.js';

/**
 * The payment agent's Lambda function: saga tasks ChargePayment / RefundPayment on the simulated gateway
 * (documented decline rule; no money moves); see {@link PAYMENT_AGENT}.
 */
const wiring = agentFunctionWiring(PAYMENT_AGENT.agentType);
const payments = new DynamoDbPaymentStore({
  documentClient: wiring.documentClient,
  tableName: wiring.tableName(PAYMENTS_TABLE),
});

export const handler = agentHandler(
  PAYMENT_AGENT,
  { tasks: paymentTasks({ payments, gateway: new SimulatedPaymentGateway() }) },
  wiring.deps,
);
