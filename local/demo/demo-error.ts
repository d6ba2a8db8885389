import { AgentbridgeError } from '../../lambdas/contracts/agentbridge-error.js';

/** Base of every error the demo raises; `code` is stable so the entry point can branch without `instanceof`. */
export abstract class DemoError extends AgentbridgeError {}

export const isDemoError = (error: unknown): error is DemoError => error instanceof DemoError;

/** A scenario line names a SKU the catalogue does not have. */
export class UnknownProductError extends DemoError {
  override readonly name = 'UnknownProductError';
  readonly sku: string;

  constructor(sku: string) {
    super('UNKNOWN_PRODUCT', `the demo catalogue has no product ${JSON.stringify(sku)}`);
    this.sku = sku;
  }
}

/** `npm start` was given an argument it does not understand. */
export class InvalidDemoArgumentError extends DemoError {
  override readonly name = 'InvalidDemoArgumentError';
  readonly argument: string;

  constructor(argument: string, reason: string) {
    super('INVALID_ARGUMENT', `${argument}: ${reason}`);
    this.argument = argument;
  }
}

/** A `--target` that is named but not available in this build (the local cloud). */
export class TargetNotAvailableError extends DemoError {
  override readonly name = 'TargetNotAvailableError';
  readonly target: string;

  constructor(target: string, reason: string) {
    super('TARGET_NOT_AVAILABLE', `target ${JSON.stringify(target)} is not available: ${reason}`);
    this.target = target;
  }
}

/** The order system did not get an order to its end within the demo's deadline. */
export class OrderStalledError extends DemoError {
  override readonly name = 'OrderStalledError';
  readonly orderId: string;

  constructor(orderId: string, waitingFor: string, options?: { cause?: unknown }) {
    super('ORDER_STALLED', `order ${orderId} stalled while waiting for ${waitingFor}`, options);
    this.orderId = orderId;
  }
}

/** A percentile outside 0–100 was asked for. */
export class InvalidPercentileError extends DemoError {
  override readonly name = 'InvalidPercentileError';
  readonly percentile: number;

  constructor(percentile: number) {
    super('INVALID_PERCENTILE', `a percentile is between 0 and 100, not ${percentile}`);
    this.percentile = percentile;
  }
}
