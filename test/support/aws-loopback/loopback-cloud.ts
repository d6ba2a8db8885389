import { randomUUID } from 'node:crypto';
import {
  PutEventsCommand,
  type PutEventsCommandInput,
  type PutEventsResultEntry,
} from '@aws-sdk/client-eventbridge';
import { InvokeCommand, type InvokeCommandInput, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { fakeLambdaContext } from './fake-lambda-context.js';
import { InFlight } from './in-flight.js';
import type { LoopbackFunction, LoopbackShared } from './loopback-function.js';

/** Lambda retries a failed asynchronous invocation twice before giving up on it. */
const ASYNC_ATTEMPTS = 3;
const FUNCTION_TIMEOUT_MS = 60_000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * EventBridge and Lambda in memory, behind aws-sdk-client-mock: PutEvents matches each event against every
 * function's deployed rules and invokes the matching functions asynchronously (retried as Lambda would);
 * Invoke runs the function's middy handler with the payload as JSON, RequestResponse or Event. A function is
 * invoked once per event however many of its rules match: on AWS the duplicate copies carry the same event id
 * and idempotency drops them.
 */
export class LoopbackCloud {
  readonly functions = new Map<string, LoopbackFunction>();
  readonly inFlight = new InFlight();
  /** Asynchronous deliveries that failed every attempt (on AWS: the rule's dead-letter queue). */
  readonly failures: unknown[] = [];
  readonly #restore: Array<() => void> = [];

  constructor(shared: Pick<LoopbackShared, 'eventBridge' | 'lambda'>) {
    const eventBridge = mockClient(shared.eventBridge);
    eventBridge.on(PutEventsCommand).callsFake((input: PutEventsCommandInput) => this.#putEvents(input));
    const lambda = mockClient(shared.lambda);
    lambda.on(InvokeCommand).callsFake((input: InvokeCommandInput) => this.#invoke(input));
    this.#restore.push(
      () => eventBridge.restore(),
      () => lambda.restore(),
    );
  }

  add(fn: LoopbackFunction): void {
    this.functions.set(fn.name, fn);
  }

  dispose(): void {
    for (const restore of this.#restore) restore();
  }

  async #putEvents(
    input: PutEventsCommandInput,
  ): Promise<{ FailedEntryCount: number; Entries: PutEventsResultEntry[] }> {
    const entries = (input.Entries ?? []).map((entry): PutEventsResultEntry => {
      let detail: unknown;
      try {
        detail = JSON.parse(entry.Detail ?? '');
      } catch {
        return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is not valid JSON' };
      }
      const id = randomUUID();
      const event = {
        version: '0',
        id,
        'detail-type': entry.DetailType,
        source: entry.Source,
        account: '000000000000',
        time: (entry.Time ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        region: 'us-east-1',
        resources: entry.Resources ?? [],
        detail,
      };
      for (const fn of this.functions.values()) {
        if (fn.rules.some((rule) => rule.matches(event))) this.#invokeAsync(fn, event);
      }
      return { EventId: id };
    });
    return {
      FailedEntryCount: entries.filter((entry) => entry.ErrorCode !== undefined).length,
      Entries: entries,
    };
  }

  async #invoke(
    input: InvokeCommandInput,
  ): Promise<{ StatusCode: number; FunctionError?: string; Payload?: Uint8Array }> {
    const fn = this.functions.get(input.FunctionName ?? '');
    if (fn === undefined) {
      throw new ResourceNotFoundException({
        message: `Function not found: ${input.FunctionName}`,
        $metadata: {},
      });
    }
    const body = input.Payload;
    if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
      throw new TypeError('The loopback Lambda takes string or Uint8Array payloads');
    }
    const text = typeof body === 'string' ? body : decoder.decode(body);
    const payload: unknown = JSON.parse(text);
    if (input.InvocationType === 'Event') {
      this.#invokeAsync(fn, payload);
      return { StatusCode: 202 };
    }
    try {
      const result = await this.inFlight.track(
        fn.handler(payload, fakeLambdaContext(fn.name, FUNCTION_TIMEOUT_MS)),
      );
      return { StatusCode: 200, Payload: encoder.encode(JSON.stringify(result ?? null)) };
    } catch (error) {
      const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
      const failure = JSON.stringify({ errorType: name, errorMessage: message });
      return { StatusCode: 200, FunctionError: 'Unhandled', Payload: encoder.encode(failure) };
    }
  }

  #invokeAsync(fn: LoopbackFunction, payload: unknown): void {
    const json = JSON.stringify(payload);
    const attempt = async (): Promise<void> => {
      for (let tries = 1; ; tries++) {
        try {
          await fn.handler(JSON.parse(json), fakeLambdaContext(fn.name, FUNCTION_TIMEOUT_MS));
          return;
        } catch (error) {
          if (tries >= ASYNC_ATTEMPTS) {
            this.failures.push(error);
            return;
          }
        }
      }
    };
    void this.inFlight.track(attempt());
  }
}
