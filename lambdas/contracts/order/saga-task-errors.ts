/**
 * The business errors the saga's tasks throw, by the `name` Step Functions matches in `Catch`
 * (`ErrorEquals`). They are final: the state machine must not retry them, it compensates. Every other
 * error (timeouts, throttling, `Lambda.ServiceException`, ...) is transient and retried with jitter.
 * The classes live with their agents (`lambdas/agents/<agent>/*-error.ts`); each carries the same `code`.
 *
 * @example
 * ```json
 * "Catch": [{ "ErrorEquals": ["PaymentDeclinedError"], "ResultPath": "$.error", "Next": "ReleaseInventory" }]
 * ```
 */
export const SAGA_TASK_ERRORS = {
  /** ValidateUser: no such user, or the user is deleted. */
  UserInvalidError: { code: 'USER_INVALID', task: 'ValidateUser' },
  /** CheckInventory / ReserveInventory: a line asks for more than is in stock. */
  InsufficientStockError: { code: 'INSUFFICIENT_STOCK', task: 'ReserveInventory' },
  /** ChargePayment: the decline rule matched (card token `tok_decline`, or amount > 1,000,000). */
  PaymentDeclinedError: { code: 'PAYMENT_DECLINED', task: 'ChargePayment' },
  /** CreateOrder: the order id already belongs to another saga. */
  OrderAlreadyExistsError: { code: 'ORDER_ALREADY_EXISTS', task: 'CreateOrder' },
} as const;
export type SagaTaskErrorName = keyof typeof SAGA_TASK_ERRORS;

/** The `ErrorEquals` list of business errors (never retried). */
export const SAGA_BUSINESS_ERROR_NAMES = Object.keys(SAGA_TASK_ERRORS) as SagaTaskErrorName[];
