import { SQSClient } from '@aws-sdk/client-sqs';
import { systemClock } from '../../contracts/clock.js';
import { ENV } from '../../contracts/env-names.js';
import type { BusEvent } from '../../patterns/event-bus/bus-event.js';
import { SqsEventDeadLetters } from '../../patterns/event-bus/sqs-event-dead-letters.js';
import { requiredEnv } from './required-env.js';
import { decodeRoutedPatterns } from './routed-patterns.js';
import { UnroutedEventsRouter } from './unrouted-events-router.js';

/** The unrouted-events rule's function: wiring only (see {@link UnroutedEventsRouter}). */
const router = new UnroutedEventsRouter({
  patterns: decodeRoutedPatterns(
    requiredEnv(process.env, ENV.routedPatterns),
    JSON.parse(requiredEnv(process.env, ENV.routedPatternValues)) as unknown[],
  ),
  unrouted: new SqsEventDeadLetters({
    sqs: new SQSClient({}),
    queueUrl: requiredEnv(process.env, ENV.unroutedQueueUrl),
  }),
  clock: systemClock,
});

export const handler = async (event: BusEvent): Promise<{ verdict: string }> => ({
  verdict: await router.route(event),
});
