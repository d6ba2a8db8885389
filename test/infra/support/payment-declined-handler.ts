import { PaymentDeclinedError } from '../../../lambdas/agents/payment/payment-error.js';

/**
 * A stand-in Lambda entry that throws a domain error, so the bundling test can check the minified bundle
 * still names it `PaymentDeclinedError` (the `errorType` the saga's Catch matches).
 */
export const handler = async (event: { sagaId: string; amount: number }): Promise<never> => {
  throw new PaymentDeclinedError(event.sagaId, event.amount, 'card-declined');
};
