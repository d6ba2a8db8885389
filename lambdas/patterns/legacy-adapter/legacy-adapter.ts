import { setTimeout as sleep } from 'node:timers/promises';
import type * as z from 'zod';
import { backoffDelayMs, type RetryPolicy } from '../../runtime/aws/retry-policy.js';
import { type FieldMapping, type MappingProblem, translate } from './field-mapping.js';
import { LegacyAdapterError, LegacySystemError } from './legacy-adapter-error.js';

/** One operation of the legacy API: where it is, and how its request and response fields map. */
export interface LegacyOperation {
  /** The path under the base URL, e.g. `/api/v1/customer/lookup`. */
  readonly path: string;
  /** `POST` (default) or `PUT`, with the translated request as the JSON body. */
  readonly method?: 'POST' | 'PUT';
  readonly request: readonly FieldMapping[];
  /** The answer's fields; columns the mapping does not declare are left out. */
  readonly response: readonly FieldMapping[];
  /** Checks the translated answer, so the caller gets a typed value or a `malformed-response` failure. */
  readonly responseSchema?: z.ZodType<Record<string, unknown>>;
}

/** What the legacy system said went wrong, read from its answer; undefined for a success. */
export type LegacyErrorReader = (
  status: number,
  body: unknown,
) => { readonly code: string; readonly message: string } | undefined;

export interface LegacyAdapterOptions {
  /** The legacy system's name, in errors and logs. */
  readonly system: string;
  readonly baseUrl: string;
  readonly operations: Readonly<Record<string, LegacyOperation>>;
  /** How long one call may take. Default 30 s. */
  readonly timeoutMs?: number;
  /** Attempts of a call that failed transiently (timeouts, connection failures, transient codes). */
  readonly retry?: RetryPolicy;
  /** Legacy error codes a later attempt can get past (e.g. `BUSY`); HTTP 429, 502, 503 and 504 always are. */
  readonly transientCodes?: readonly string[];
  /** Reads the legacy error from an answer; default {@link defaultLegacyError}. */
  readonly errorOf?: LegacyErrorReader;
  readonly headers?: Readonly<Record<string, string>>;
  readonly fetch?: typeof fetch;
  /** Waits out a retry's backoff; tests pass one that does not sleep. */
  readonly sleep?: (ms: number) => Promise<unknown>;
  readonly random?: () => number;
}

/** Three attempts, 200 ms doubling to 2 s with full jitter: inside one Lambda invocation's budget. */
export const DEFAULT_LEGACY_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 2_000 };
const TRANSIENT_STATUSES = new Set([429, 502, 503, 504]);

/**
 * The error format of many legacy HTTP APIs: `{ "error_code": …, "error_message": … }` (or `code`/`message`)
 * in the body, with any status; any other non-2xx answer is the error `HTTP_<status>`.
 */
export const defaultLegacyError: LegacyErrorReader = (status, body) => {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = fields.error_code ?? fields.errorCode ?? (status >= 300 ? fields.code : undefined);
  if (typeof code === 'string' || typeof code === 'number') {
    const message = fields.error_message ?? fields.errorMessage ?? fields.message;
    return { code: String(code), message: typeof message === 'string' ? message : 'no message' };
  }
  return status >= 200 && status < 300 ? undefined : { code: `HTTP_${status}`, message: `status ${status}` };
};

const describe = (problems: readonly MappingProblem[]): string =>
  problems.map((problem) => `${problem.field} ${problem.problem}`).join('; ');

/**
 * A legacy HTTP system behind declared field mappings: `call(operation, request)` translates the request's
 * fields to the legacy names and types, calls the operation with a timeout, and translates the answer back.
 * The legacy system's own errors keep their code (`LegacySystemError`); every other failure is a
 * `LegacyAdapterError` naming what went wrong. Only transient failures are retried, with backoff.
 *
 * @example
 * ```ts
 * const crm = new LegacyAdapter({ system: 'crm', baseUrl: 'http://crm.internal', operations: { lookup } });
 * const customer = await crm.call('lookup', { customerId: 'c-1' });
 * ```
 */
export class LegacyAdapter {
  readonly #options: LegacyAdapterOptions;

  constructor(options: LegacyAdapterOptions) {
    this.#options = options;
  }

  async call(
    operation: string,
    request: Readonly<Record<string, unknown>>,
    options: { readonly signal?: AbortSignal } = {},
  ): Promise<Record<string, unknown>> {
    const declared = this.#options.operations[operation];
    if (declared === undefined) {
      throw new LegacyAdapterError({
        failure: 'unknown-operation',
        operation,
        message: `${this.#options.system} declares no operation ${operation}; it has ${Object.keys(this.#options.operations).join(', ')}`,
      });
    }
    const translated = translate(request, declared.request, 'toLegacy');
    if (translated.problems.length > 0) {
      throw new LegacyAdapterError({
        failure: 'mapping',
        operation,
        field: translated.problems[0]?.field,
        message: `the request does not translate: ${describe(translated.problems)}`,
      });
    }
    const policy = this.#options.retry ?? DEFAULT_LEGACY_RETRY;
    const wait = this.#options.sleep ?? sleep;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#once(operation, declared, translated.record, options.signal);
      } catch (error) {
        const transient =
          error instanceof LegacySystemError || error instanceof LegacyAdapterError ? error.transient : false;
        if (!transient || attempt >= policy.maxAttempts || options.signal?.aborted === true) throw error;
        await wait(backoffDelayMs(attempt, policy, this.#options.random ?? Math.random));
      }
    }
  }

  async #once(
    operation: string,
    declared: LegacyOperation,
    body: Record<string, unknown>,
    callerSignal: AbortSignal | undefined,
  ): Promise<Record<string, unknown>> {
    const timeoutMs = this.#options.timeoutMs ?? 30_000;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal === undefined ? timeout : AbortSignal.any([timeout, callerSignal]);
    const url = `${this.#options.baseUrl.replace(/\/$/, '')}${declared.path}`;
    let text: string;
    let status: number;
    try {
      const response = await (this.#options.fetch ?? fetch)(url, {
        method: declared.method ?? 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...this.#options.headers },
        body: JSON.stringify(body),
        signal,
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      if (timeout.aborted) {
        throw new LegacyAdapterError(
          {
            failure: 'timeout',
            operation,
            message: `${this.#options.system} did not answer within ${timeoutMs} ms`,
          },
          { cause: error },
        );
      }
      if (callerSignal?.aborted === true) throw error;
      throw new LegacyAdapterError(
        { failure: 'unreachable', operation, message: `${this.#options.system} is unreachable at ${url}` },
        { cause: error },
      );
    }
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch (error) {
      if (status < 200 || status >= 300) json = undefined;
      else
        throw new LegacyAdapterError(
          {
            failure: 'malformed-response',
            operation,
            message: `the answer is not JSON: ${text.slice(0, 80)}`,
          },
          { cause: error },
        );
    }
    const legacyError = (this.#options.errorOf ?? defaultLegacyError)(status, json);
    if (legacyError !== undefined) {
      throw new LegacySystemError({
        operation,
        legacyCode: legacyError.code,
        message: legacyError.message,
        status,
        transient:
          TRANSIENT_STATUSES.has(status) || (this.#options.transientCodes ?? []).includes(legacyError.code),
      });
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new LegacyAdapterError({
        failure: 'malformed-response',
        operation,
        message: 'the answer is not a JSON object',
      });
    }
    const answer = translate(json as Record<string, unknown>, declared.response, 'fromLegacy', 'ignore');
    if (answer.problems.length > 0) {
      throw new LegacyAdapterError({
        failure: 'mapping',
        operation,
        field: answer.problems[0]?.field,
        message: `the answer does not translate: ${describe(answer.problems)}`,
      });
    }
    if (declared.responseSchema === undefined) return answer.record;
    const checked = declared.responseSchema.safeParse(answer.record);
    if (!checked.success) {
      throw new LegacyAdapterError({
        failure: 'malformed-response',
        operation,
        message: `the answer is not what ${operation} returns: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
      });
    }
    return checked.data;
  }
}
