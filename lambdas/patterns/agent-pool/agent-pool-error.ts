import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/** A pool's options that cannot work (sizes out of order, a threshold outside (0, 1]). */
export class InvalidPoolOptionsError extends AgentbridgeError {
  override readonly name = 'InvalidPoolOptionsError';
  readonly pool: string;

  constructor(pool: string, problem: string) {
    super('INVALID_POOL_OPTIONS', `pool ${pool}: ${problem}`);
    this.pool = pool;
  }
}

/**
 * No slot came free within the timeout and the pool is at its maximum: transient, the caller (or its
 * delivery's retry) can ask again once holders release or their leases end.
 */
export class PoolExhaustedError extends AgentbridgeError {
  override readonly name = 'PoolExhaustedError';
  readonly pool: string;
  readonly waitedMs: number;
  readonly size: number;

  constructor(pool: string, waitedMs: number, size: number) {
    super('POOL_EXHAUSTED', `pool ${pool}: all ${size} slots stayed busy for ${waitedMs} ms`, {
      transient: true,
    });
    this.pool = pool;
    this.waitedMs = waitedMs;
    this.size = size;
  }
}
