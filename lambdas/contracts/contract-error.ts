import { AgentbridgeError } from './agentbridge-error.js';

/**
 * A message type, subscription or sender declaration used in a way the contracts do not allow (a type
 * registered twice, senders declared for no type). The more specific contract errors extend it.
 */
export class ContractError extends AgentbridgeError {
  override readonly name: string = 'ContractError';
}
