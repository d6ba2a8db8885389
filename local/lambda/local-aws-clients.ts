import { randomUUID } from 'node:crypto';
import { EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { LocalEventEntry } from '../stepfunctions/local-event-sink.js';
import { OfflineAwsCallError } from './local-lambda-error.js';

/** Where an agent function's AWS calls go when it runs in this process. */
export interface LocalAwsRoutes {
  /** EventBridge PutEvents: the entries onto the local bus (all or nothing, as the local sink is). */
  putEvents(entries: readonly LocalEventEntry[]): Promise<void>;
  /** Lambda Invoke (RequestResponse): the named function's answer, or its error. */
  invoke(functionName: string, payload: unknown): Promise<unknown>;
}

const SETTINGS = { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const payloadOf = (payload: unknown): unknown => {
  if (payload === undefined) return {};
  const text = typeof payload === 'string' ? payload : decoder.decode(payload as Uint8Array);
  return JSON.parse(text);
};

/**
 * SDK clients for an agent function run in this process: a PutEvents goes onto the local bus and an Invoke to
 * the local function it names, answered as the services answer (`FailedEntryCount: 0` with an `EventId` per
 * entry; `StatusCode: 200` with the result, or `FunctionError: 'Unhandled'` with `{errorType, errorMessage}`
 * when the function threw), so the runtime's publisher and invoker run unchanged. Without routes every call
 * is refused with {@link OfflineAwsCallError}. Any other command of these clients is refused the same way.
 *
 * @example
 * ```ts
 * const { eventBridge, lambda } = localAwsClients('lifecycle', { putEvents, invoke });
 * ```
 */
export function localAwsClients(
  agentType: string,
  routes: LocalAwsRoutes | undefined,
): { eventBridge: EventBridgeClient; lambda: LambdaClient } {
  const eventBridge = new EventBridgeClient(SETTINGS);
  const lambda = new LambdaClient(SETTINGS);
  const where = { step: 'initialize', name: 'localAwsRoute' } as const;
  eventBridge.middlewareStack.add(
    (_next, context) => async (args) => {
      if (routes === undefined || context.commandName !== 'PutEventsCommand') {
        throw new OfflineAwsCallError(agentType, 'EventBridge');
      }
      const entries = ((args.input as { Entries?: PutEventsRequestEntry[] }).Entries ?? []).map(
        (entry): LocalEventEntry => ({
          Source: entry.Source ?? '',
          DetailType: entry.DetailType ?? '',
          Detail: entry.Detail ?? '',
          ...(entry.EventBusName === undefined ? {} : { EventBusName: entry.EventBusName }),
        }),
      );
      await routes.putEvents(entries);
      const output = {
        $metadata: {},
        FailedEntryCount: 0,
        Entries: entries.map(() => ({ EventId: randomUUID() })),
      };
      return { output, response: {} } as never;
    },
    where,
  );
  lambda.middlewareStack.add(
    (_next, context) => async (args) => {
      if (routes === undefined || context.commandName !== 'InvokeCommand') {
        throw new OfflineAwsCallError(agentType, 'Lambda');
      }
      const input = args.input as { FunctionName?: string; Payload?: unknown };
      let output: Record<string, unknown>;
      try {
        const result = await routes.invoke(input.FunctionName ?? '', payloadOf(input.Payload));
        output = { StatusCode: 200, Payload: encoder.encode(JSON.stringify(result ?? null)) };
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        const body = { errorType: failure.name, errorMessage: failure.message };
        output = {
          StatusCode: 200,
          FunctionError: 'Unhandled',
          Payload: encoder.encode(JSON.stringify(body)),
        };
      }
      return { output: { $metadata: {}, ...output }, response: {} } as never;
    },
    where,
  );
  return { eventBridge, lambda };
}
