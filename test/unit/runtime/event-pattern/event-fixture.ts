import { readFileSync } from 'node:fs';
import type { EventBridgeEvent } from '../../../../lambdas/runtime/event-pattern/event-pattern.js';

const FIXTURES = new URL('../../../fixtures/eventbridge/', import.meta.url);

/** Loads an example bus event from test/fixtures/eventbridge (read once per test file). */
export const eventFixture = (name: string): EventBridgeEvent =>
  JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8')) as EventBridgeEvent;
