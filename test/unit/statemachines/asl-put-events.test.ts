import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { MessageType } from '../../../lambdas/contracts/message-type.js';
import { STATE_MACHINES, type StateMachineKey } from '../../../lambdas/contracts/state-machines.js';
import { TOPICS } from '../../../lambdas/contracts/topics.js';

/**
 * The ASL files are plain JSON, so the names they write to the bus are literals. "Every shared name defined
 * once" holds by this test instead: each `events:putEvents` entry must carry exactly the contract's names.
 */

interface PutEventsEntry {
  EventBusName?: string;
  Source?: string;
  DetailType?: string;
  Detail?: { metadata?: Record<string, unknown>; data?: Record<string, unknown> };
}
interface AslState {
  Type: string;
  Resource?: string;
  Parameters?: { Entries?: PutEventsEntry[] };
  Branches?: { States: Record<string, AslState> }[];
  ItemProcessor?: { States: Record<string, AslState> };
  Iterator?: { States: Record<string, AslState> };
}

const CONTRACTS_DIR = fileURLToPath(new URL('../../../lambdas/contracts/', import.meta.url));
const MACHINES = Object.keys(STATE_MACHINES) as StateMachineKey[];

/** Every state of a definition, nested ones (Parallel branches, Map processors) included. */
function allStates(states: Record<string, AslState>): [string, AslState][] {
  return Object.entries(states).flatMap(([name, state]) => [
    [name, state] as [string, AslState],
    ...(state.Branches ?? []).flatMap((branch) => allStates(branch.States)),
    ...allStates(state.ItemProcessor?.States ?? {}),
    ...allStates(state.Iterator?.States ?? {}),
  ]);
}

const putEventsEntries = (key: StateMachineKey) => {
  const file = STATE_MACHINES[key].definitionFile;
  const definition = JSON.parse(readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8')) as {
    States: Record<string, AslState>;
  };
  return allStates(definition.States)
    .filter(([, state]) => state.Type === 'Task' && state.Resource === 'arn:aws:states:::events:putEvents')
    .flatMap(([name, state]) => (state.Parameters?.Entries ?? []).map((entry) => ({ name, entry })));
};

const isMessageType = (value: unknown): value is MessageType =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as MessageType).name === 'string' &&
  typeof (value as MessageType).parse === 'function' &&
  'schema' in value;

const typeScriptFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? typeScriptFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );

/** Every message type exported anywhere under lambdas/contracts, by name. */
async function contractMessages(): Promise<Map<string, MessageType>> {
  const messages = new Map<string, MessageType>();
  for (const file of typeScriptFiles(CONTRACTS_DIR)) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const value of Object.values(module)) if (isMessageType(value)) messages.set(value.name, value);
  }
  return messages;
}

/** The TOPICS entry of a message type: its name with a lower-case first letter (OrderFailed → orderFailed). */
const topicOf = (messageName: string): string | undefined =>
  (TOPICS as Readonly<Record<string, string>>)[messageName.charAt(0).toLowerCase() + messageName.slice(1)];

/** The payload field names an ASL `data` object fills, `.$` (JSONPath) suffixes removed. */
const fieldNames = (data: Record<string, unknown>): string[] =>
  Object.keys(data)
    .map((key) => key.replace(/\.\$$/, ''))
    .sort();

let messages: Map<string, MessageType>;
beforeAll(async () => {
  messages = await contractMessages();
});

describe.each(MACHINES)('the events:putEvents tasks of %s', (key) => {
  const contract = STATE_MACHINES[key];
  const entries = putEventsEntries(key);
  const busPlaceholder = Object.entries(contract.placeholders).find(
    ([, placeholder]) => placeholder.kind === 'eventBusName',
  )?.[0];

  it('has events:putEvents tasks to check (the walk finds them)', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  it.each(entries.map(({ name, entry }) => ({ name, entry })))(
    '$name writes the contract names: source, detail-type, topic, bus, sender',
    ({ entry }) => {
      expect(entry.Source).toBe(contract.eventSource);
      expect(entry.EventBusName).toBe(`\${${busPlaceholder}}`);

      const detailType = entry.DetailType ?? '';
      expect([...messages.keys()]).toContain(detailType);
      const metadata = entry.Detail?.metadata ?? {};
      expect(metadata.type).toBe(detailType);
      const topic = topicOf(detailType);
      expect(topic, `TOPICS has no entry for ${detailType}`).toBeDefined();
      expect(metadata.topicType).toBe(topic);
      expect(metadata['sender.$']).toMatch(new RegExp(`^States\\.Format\\('${contract.name}/\\{\\}'`));
    },
  );

  it.each(entries.map(({ name, entry }) => ({ name, entry })))(
    '$name fills exactly the fields of its message schema',
    ({ entry }) => {
      const schema = messages.get(entry.DetailType ?? '')?.schema;
      expect(schema).toBeInstanceOf(z.ZodObject);
      const shape = (schema as z.ZodObject).shape;
      const required = Object.keys(shape).filter((field) => !shape[field]?.safeParse(undefined).success);
      const filled = fieldNames(entry.Detail?.data ?? {});
      expect(Object.keys(shape).sort()).toEqual(expect.arrayContaining(filled));
      expect(filled).toEqual(expect.arrayContaining(required));
    },
  );
});
