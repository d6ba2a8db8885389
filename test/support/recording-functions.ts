import type { FunctionResult, LocalFunctions } from '../../local/cloud/local-cloud-ports.js';

export interface RecordedInvocation {
  readonly functionName: string;
  /** The event the function was given, parsed. */
  readonly event: { readonly Records: readonly Record<string, unknown>[] };
}

/**
 * A functions port that records each RequestResponse invocation and answers with what `respond` returns
 * for it (a result object is sent as JSON; `'throw'` answers as a handler that threw).
 */
export function recordingFunctions(
  respond: (invocation: RecordedInvocation, index: number) => unknown = () => null,
): LocalFunctions & { readonly invocations: RecordedInvocation[] } {
  const invocations: RecordedInvocation[] = [];
  return {
    invocations,
    async invoke(functionName, payload): Promise<FunctionResult> {
      const invocation = { functionName, event: JSON.parse(payload) };
      invocations.push(invocation);
      const answer = respond(invocation, invocations.length - 1);
      if (answer === 'throw') {
        return {
          payload: JSON.stringify({ errorType: 'Error', errorMessage: 'the handler failed', trace: [] }),
          functionError: 'Unhandled',
        };
      }
      return { payload: JSON.stringify(answer), functionError: undefined };
    },
    async invokeAsync() {
      throw new Error('an event source mapping invokes synchronously');
    },
  };
}
