import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRACED_STATES } from '../../../local/demo/traced-states.js';

const states = (file: string): Record<string, { Type: string }> =>
  (
    JSON.parse(readFileSync(new URL(`../../../statemachines/${file}`, import.meta.url), 'utf8')) as {
      States: Record<string, { Type: string }>;
    }
  ).States;

describe('TRACED_STATES', () => {
  it.each([
    ['saga', 'order-saga.asl.json'],
    ['lifecycle', 'order-lifecycle.asl.json'],
  ] as const)('names only Task states that exist in the %s machine', (machine, file) => {
    const definition = states(file);
    for (const name of Object.keys(TRACED_STATES[machine])) {
      expect(definition[name]?.Type, `${name} in ${file}`).toBe('Task');
    }
  });
});
