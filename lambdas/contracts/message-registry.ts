import { ContractError } from './contract-error.js';
import type { MessageType } from './message-type.js';

/** A message of a type no registry entry names: bad input, never retried. */
export class UnknownMessageTypeError extends ContractError {
  override readonly name = 'UnknownMessageTypeError';
  readonly messageType: string;

  constructor(messageType: string) {
    super('UNKNOWN_MESSAGE_TYPE', `Unknown message type "${messageType}"`);
    this.messageType = messageType;
  }
}

/**
 * Message types by name, for the boundaries that receive a type name off the wire (Lambda events,
 * the CLI) and must find the schema to validate with.
 */
export class MessageRegistry {
  readonly #types = new Map<string, MessageType>();

  constructor(types: Iterable<MessageType<string, never, unknown>> = []) {
    for (const type of types) this.add(type);
  }

  add(type: MessageType<string, never, unknown>): this {
    const existing = this.#types.get(type.name);
    if (existing && existing !== (type as MessageType)) {
      throw new ContractError('DUPLICATE_MESSAGE_TYPE', `Message type "${type.name}" is registered twice`);
    }
    this.#types.set(type.name, type as MessageType);
    return this;
  }

  has(name: string): boolean {
    return this.#types.has(name);
  }

  /** The type registered under `name`; throws {@link UnknownMessageTypeError}. */
  get(name: string): MessageType {
    const type = this.#types.get(name);
    if (!type) throw new UnknownMessageTypeError(name);
    return type;
  }

  names(): string[] {
    return [...this.#types.keys()];
  }
}
