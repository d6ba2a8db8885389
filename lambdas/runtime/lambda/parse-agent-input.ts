import { cleanupMiddlewares } from '@aws-lambda-powertools/commons';
import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj, Request } from '@middy/core';
import { AGENT_METRICS } from '../../contracts/agent-metrics.js';
import type { DeadLetterRecord, InputKind } from '../../contracts/dead-letter-record.js';
import type { MessageRegistry } from '../../contracts/message-registry.js';
import { isTransientTaskError, TransientError } from '../../contracts/transient-error.js';
import { toWireError } from '../aws/send-response.js';
import { badInputReason } from './bad-input-reason.js';
import { ClassifiedInput, inputKind } from './classified-input.js';
import { classifyInput, decodeInput } from './classify-input.js';
import type { DeadLetterSink } from './dead-letter/dead-letter-sink.js';
import { isTransientError } from './is-transient-error.js';
import { accountOfFunctionArn, type EventOrigin } from './sender-guard.js';

export interface ParseAgentInputOptions {
  readonly agentType: string;
  readonly messages: MessageRegistry;
  readonly isHosted: (agentType: string) => boolean;
  readonly deadLetters: DeadLetterSink;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly maxInputBytes: number;
  /** Checks each event's source and account against the hosted subscriptions; absent, nothing is checked. */
  readonly senderGuard?: (origin: EventOrigin, ownAccount: string | undefined) => void;
}

/** What an EventBridge invocation returns when its input was rejected (and recorded). */
export interface RejectedInput {
  readonly status: 'rejected';
  readonly reason: string;
  readonly code: string;
}

/**
 * The middleware between Powertools' logger/tracer/metrics and idempotency: recognises the input (EventBridge
 * event, send, Step Functions task), validates it with the hosted agent's schemas and replaces `request.event`
 * with the {@link ClassifiedInput}. Bad input is recorded to the dead-letter sink and answered at once, never
 * retried: an event with `{ status: 'rejected' }`, a send with `{ ok: false, error }`; a task rethrows the
 * typed error for the state machine's Catch. Errors that are not about the input propagate (Lambda retries);
 * a task's transient ones as `TransientError`, the name its state machine's Retry matches.
 */
export function parseAgentInput(options: ParseAgentInputOptions): MiddlewareObj<unknown, unknown> {
  const before = async (request: Request<unknown, unknown>): Promise<unknown> => {
    const raw = request.event;
    let kind: InputKind = 'unknown';
    try {
      const input = decodeInput(raw, options.maxInputBytes);
      kind = inputKind(input);
      const { senderGuard } = options;
      const ownAccount = accountOfFunctionArn(request.context.invokedFunctionArn);
      request.event = classifyInput(
        kind,
        input,
        senderGuard === undefined
          ? options
          : { ...options, checkSender: (origin) => senderGuard(origin, ownAccount) },
      );
      return undefined;
    } catch (error) {
      const reason = badInputReason(error);
      if (reason === undefined) throw error;
      const { code, message } = toWireError(error);
      const record: DeadLetterRecord = {
        kind: 'agentbridge.bad-input',
        reason,
        code,
        message,
        agentType: options.agentType,
        inputKind: kind,
        functionName: request.context.functionName,
        requestId: request.context.awsRequestId,
        recordedAt: new Date().toISOString(),
        input: raw,
      };
      await options.deadLetters.record(record);
      options.metrics.addMetric(AGENT_METRICS.rejectedInputs, MetricUnit.Count, 1);
      options.logger.warn('Rejected bad input to the dead-letter queue', {
        reason,
        code,
        message,
        inputKind: kind,
      });
      if (kind === 'task') throw error;
      // Returning early skips the remaining middlewares' `after`: let Powertools flush logs and metrics first.
      await cleanupMiddlewares(request);
      if (kind === 'send') return { ok: false, error: toWireError(error) };
      const rejected: RejectedInput = { status: 'rejected', reason, code };
      return rejected;
    }
  };
  // A Step Functions task's state machine retries exactly one project error name: transient failures (a lost
  // state race, a throttled store, a duplicate still in progress) leave as TransientError, the rest unchanged.
  const onError = (request: Request<unknown, unknown>): void => {
    const { event, error } = request;
    if (!(event instanceof ClassifiedInput) || event.parsed.kind !== 'task') return;
    if (isTransientError(error) && !isTransientTaskError(error)) request.error = new TransientError(error);
  };
  return { before, onError };
}
