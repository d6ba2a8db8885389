/**
 * Agent types of the reference order system: the `type` of each agent's AgentId, the Lambda function each
 * runs in (`AGENTBRIDGE_AGENT_FUNCTIONS` maps these to function names), and the `source` suffix of what it
 * publishes (`agentbridge.<type>`).
 */
export const ORDER_AGENT_TYPES = {
  users: 'users',
  inventory: 'inventory',
  payment: 'payment',
  orders: 'orders',
  notification: 'notification',
} as const;
export type OrderAgentType = (typeof ORDER_AGENT_TYPES)[keyof typeof ORDER_AGENT_TYPES];
