import type { AgentRuntime } from '../../lambdas/runtime/agent-runtime.js';

/**
 * What the runtime conformance suite needs from a runtime under test. The in-process runtime is its own
 * harness; the AWS runtime is exercised through a loopback (EventBridge and Lambda in memory).
 */
export interface RuntimeHarness {
  readonly runtime: AgentRuntime;
  /** `type/key` of every agent instance created so far. */
  instantiated(): Promise<string[]>;
  /** Resolves when every delivery started so far (and everything it caused) has finished. */
  idle(): Promise<void>;
  /**
   * How a handler learns that its caller gave up: `propagated` when the caller's AbortSignal reaches the
   * handler (same process); `deadline` when the handler's signal fires at the call's deadline (Lambda).
   */
  readonly cancellation: 'propagated' | 'deadline';
  dispose(): Promise<void>;
}
