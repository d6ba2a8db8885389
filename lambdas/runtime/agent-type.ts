import { assertAgentType } from './identifiers.js';

/**
 * A validated agent type name, as returned by registration (AutoGen's `AgentType`).
 *
 * @example
 * ```ts
 * const type = await runtime.register('greeter', Greeter); // AgentType { type: 'greeter' }
 * ```
 */
export class AgentType {
  readonly type: string;

  constructor(type: string) {
    assertAgentType(type);
    this.type = type;
  }

  toString(): string {
    return this.type;
  }
}
