import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/** A chain defined wrongly (no steps, two steps of one name, a bad retry policy): raised when it is defined. */
export class InvalidToolChainError extends AgentbridgeError {
  override readonly name = 'InvalidToolChainError';
  readonly chain: string;

  constructor(chain: string, problem: string) {
    super('INVALID_TOOL_CHAIN', `Tool chain ${JSON.stringify(chain)}: ${problem}`);
    this.chain = chain;
  }
}

/** A request for a chain the agent does not hold; `known` lists the ones it does. */
export class UnknownToolChainError extends AgentbridgeError {
  override readonly name = 'UnknownToolChainError';
  readonly chain: string;
  readonly known: readonly string[];

  constructor(chain: string, known: readonly string[]) {
    super(
      'UNKNOWN_TOOL_CHAIN',
      `No tool chain ${JSON.stringify(chain)}; known: ${known.join(', ') || 'none'}`,
    );
    this.chain = chain;
    this.known = known;
  }
}
