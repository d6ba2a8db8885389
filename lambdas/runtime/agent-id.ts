import { assertAgentType, assertKey } from './identifiers.js';
import { InvalidIdentifierError } from './runtime-error.js';

/**
 * The address of one agent instance: its type and a key (AutoGen's `AgentId`). The string form is
 * `type/key`; the key may itself contain `/`.
 *
 * @example
 * ```ts
 * const id = AgentId.fromString('orders/eu/42'); // type "orders", key "eu/42"
 * id.toString(); // "orders/eu/42"
 * ```
 */
export class AgentId {
  readonly type: string;
  readonly key: string;

  constructor(type: string, key: string) {
    assertAgentType(type);
    assertKey('agent key', key);
    this.type = type;
    this.key = key;
  }

  /** Parses `type/key`, splitting at the first `/` as AutoGen does. */
  static fromString(value: string): AgentId {
    const slash = value.indexOf('/');
    if (slash < 0) throw new InvalidIdentifierError('agent id', value, 'expected "type/key"');
    return new AgentId(value.slice(0, slash), value.slice(slash + 1));
  }

  equals(other: AgentId | undefined): boolean {
    return other !== undefined && other.type === this.type && other.key === this.key;
  }

  toString(): string {
    return `${this.type}/${this.key}`;
  }

  toJSON(): string {
    return this.toString();
  }
}
