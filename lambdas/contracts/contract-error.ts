/**
 * Base of every error the contracts module raises. Each subclass carries a stable `code` so callers
 * (and the wire, where errors travel as name/code/message) can branch without `instanceof`.
 */
export class ContractError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export const isContractError = (error: unknown): error is ContractError => error instanceof ContractError;
