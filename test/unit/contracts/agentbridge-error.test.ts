import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { InsufficientStockError } from '../../../lambdas/agents/inventory/inventory-error.js';
import type { PaymentDeclinedError } from '../../../lambdas/agents/payment/payment-error.js';
import { AgentbridgeError, isAgentbridgeError } from '../../../lambdas/contracts/agentbridge-error.js';

class ThrottledError extends AgentbridgeError {
  override readonly name = 'ThrottledError';
}

/** The given modules bundled and minified the way a careless build would: class names are not kept. */
async function importMinified(source: string): Promise<Record<string, new (...args: never[]) => Error>> {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    keepNames: false,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

describe('AgentbridgeError', () => {
  it('carries a code, a cause and transient = false unless the error says otherwise', () => {
    const cause = new Error('socket hang up');
    const plain = new ThrottledError('THROTTLED', 'slow down', { cause });
    expect(plain).toMatchObject({ name: 'ThrottledError', code: 'THROTTLED', transient: false, cause });
    expect(new ThrottledError('THROTTLED', 'slow down', { transient: true }).transient).toBe(true);
    expect(String(plain)).toBe('ThrottledError: slow down');
  });

  it('keeps its wire names in a minified bundle that drops class names', async () => {
    const module = await importMinified(
      [
        "export { PaymentDeclinedError } from './lambdas/agents/payment/payment-error.ts';",
        "export { TransientError } from './lambdas/contracts/transient-error.ts';",
        "export { DeliveryConflictError } from './lambdas/runtime/aws/aws-runtime-error.ts';",
      ].join('\n'),
    );
    const {
      PaymentDeclinedError: Declined,
      TransientError: Transient,
      DeliveryConflictError: Conflict,
    } = module as unknown as {
      PaymentDeclinedError: typeof PaymentDeclinedError;
      TransientError: new (cause: unknown) => Error;
      DeliveryConflictError: new (agentId: string, messageId: string) => Error;
    };
    expect(Declined.name).not.toBe('PaymentDeclinedError');
    const declined = new Declined('saga-1', 2_500, 'card-declined');
    expect(declined.name).toBe('PaymentDeclinedError');
    expect(declined.stack).toMatch(/^PaymentDeclinedError: Payment of 2500 declined/);
    expect(new Transient(new Error('x')).name).toBe('TransientError');
    expect(new Conflict('a/k', 'm1')).toMatchObject({ name: 'DeliveryConflictError', transient: true });
  });
});

describe('isAgentbridgeError', () => {
  it('recognises an agentbridge error, and with a code only an error of that code', () => {
    const error = new InsufficientStockError('sku-1', 3, 1);
    expect(isAgentbridgeError(error)).toBe(true);
    expect(isAgentbridgeError(error, 'INSUFFICIENT_STOCK')).toBe(true);
    expect(isAgentbridgeError(error, 'PAYMENT_DECLINED')).toBe(false);
  });

  it('recognises an error of a second copy of the library by its shape', () => {
    const foreign = Object.assign(new Error('Payment of 5 declined'), {
      name: 'PaymentDeclinedError',
      code: 'PAYMENT_DECLINED',
      transient: false,
    });
    expect(foreign).not.toBeInstanceOf(AgentbridgeError);
    expect(isAgentbridgeError(foreign, 'PAYMENT_DECLINED')).toBe(true);
  });

  it('does not take SDK, system or plain errors, nor values that are not errors, for its own', () => {
    const sdk = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $fault: 'client' });
    const system = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    for (const value of [
      sdk,
      system,
      new Error('boom'),
      'PAYMENT_DECLINED',
      undefined,
      null,
      { code: 'X' },
    ]) {
      expect(isAgentbridgeError(value)).toBe(false);
    }
  });
});
