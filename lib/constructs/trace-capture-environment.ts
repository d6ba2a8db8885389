/**
 * What the Powertools Tracer may copy into a function's X-Ray segments: the handler's response and the
 * error it throws (as `POWERTOOLS_TRACER_CAPTURE_RESPONSE` / `POWERTOOLS_TRACER_CAPTURE_ERROR`). Traces are
 * readable by anyone with X-Ray access and kept 30 days, so nothing personal or secret may go there.
 */
export interface TraceCapture {
  readonly response: boolean;
  readonly error: boolean;
}

/** Nothing captured: the default of every function without a decision of its own. */
export const NO_TRACE_CAPTURE: TraceCapture = { response: false, error: false };

/**
 * The Powertools environment variables that apply a decision.
 *
 * @example
 * ```ts
 * traceCaptureEnvironment(NO_TRACE_CAPTURE); // { POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false', … }
 * ```
 */
export const traceCaptureEnvironment = (capture: TraceCapture): Record<string, string> => ({
  POWERTOOLS_TRACER_CAPTURE_RESPONSE: String(capture.response),
  POWERTOOLS_TRACER_CAPTURE_ERROR: String(capture.error),
});
