import { paymentAgent } from '../agents/payment/payment-agent.js';
import { paymentTasks } from '../agents/payment/payment-tasks.js';
import { SimulatedPaymentGateway } from '../agents/payment/simulated-payment-gateway.js';
import { ORDER_AGENT_TYPES } from '../contracts/order/order-agent-types.js';
import { PAYMENTS_TABLE } from '../contracts/tables/payments-table.js';
import { agentHandler } from '../runtime/lambda/agent-handler.js';
import { DynamoDbPaymentStore } from '../stores/payments/dynamodb/dynamodb-payment-store.js';
import { agentFunctionWiring } from './agent-function-wiring.js';

/**
 * The payment agent's Lambda function: saga tasks ChargePayment / RefundPayment on the simulated gateway
 * (documented decline rule; no money moves). Tables: payments (read/write).
 */
const wiring = agentFunctionWiring(ORDER_AGENT_TYPES.payment);
const payments = new DynamoDbPaymentStore({
  documentClient: wiring.documentClient,
  tableName: wiring.tableName(PAYMENTS_TABLE),
});

export const handler = agentHandler({
  agentType: ORDER_AGENT_TYPES.payment,
  definition: paymentAgent(paymentTasks({ payments, gateway: new SimulatedPaymentGateway() })),
  deps: wiring.deps,
});
