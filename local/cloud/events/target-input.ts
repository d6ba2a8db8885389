import type { LocalRule, LocalRuleTarget } from '../local-deployment.js';
import { selectPath } from './event-json-path.js';

/** The event as the bus delivers it. */
export type BusEvent = {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: Readonly<Record<string, unknown>>;
};

/** What else a transformer's predefined variables read: the rule and when the bus received the event. */
export interface DeliveryContext {
  readonly rule: Pick<LocalRule, 'name' | 'arn'>;
  readonly ingestionTime: string;
}

type Variable = { readonly value: unknown };

const withoutQuotes = (json: string): string => json.replaceAll('"', '');

/*
 * AWS's quoting rules: outside a string literal a variable is written as JSON (a string gets its quotes, an
 * object or array stays JSON); inside one (a string template, or a quoted value) a string goes in as it is,
 * not escaped, and an object or array loses its inner quotes so the string stays a string. A variable whose
 * path names nothing in the event is not created: it writes nothing inside a string and null outside one.
 * A `<name>` no map entry declares is template text and stays as written.
 */
const render = (variable: Variable | undefined, inString: boolean): string => {
  const value = variable?.value;
  if (value === undefined) return inString ? '' : 'null';
  if (!inString) return JSON.stringify(value);
  if (typeof value === 'string') return value;
  return withoutQuotes(JSON.stringify(value));
};

/** Fills an `InputTemplate`, tracking whether each `<name>` stands inside a JSON string literal. */
export function fillTemplate(template: string, variables: ReadonlyMap<string, Variable>): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < template.length; i += 1) {
    const char = template[i] ?? '';
    if (char === '<') {
      const end = template.indexOf('>', i + 1);
      const name = end < 0 ? undefined : template.slice(i + 1, end);
      if (name !== undefined && variables.has(name)) {
        out += render(variables.get(name), inString);
        i = end;
        continue;
      }
    }
    if (inString && char === '\\') {
      out += char + (template[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (char === '"') inString = !inString;
    out += char;
  }
  return out;
}

const variablesOf = (
  event: BusEvent,
  pathsMap: Readonly<Record<string, string>>,
  context: DeliveryContext,
): Map<string, Variable> => {
  const { detail: _detail, ...withoutDetail } = event;
  const variables = new Map<string, Variable>();
  for (const [name, path] of Object.entries(pathsMap)) {
    const selected = selectPath(event, path);
    variables.set(name, { value: selected.found ? selected.value : undefined });
  }
  // Reserved names: a map entry cannot override them.
  variables.set('aws.events.rule-arn', { value: context.rule.arn });
  variables.set('aws.events.rule-name', { value: context.rule.name });
  variables.set('aws.events.event.ingestion-time', { value: context.ingestionTime });
  variables.set('aws.events.event', { value: withoutDetail });
  variables.set('aws.events.event.json', { value: event });
  return variables;
};

/**
 * What a target receives for an event, as EventBridge shapes it: the constant `Input`, the part `InputPath`
 * selects, the filled `InputTransformer` template, or else the whole event (JSON text in every case).
 *
 * @example
 * ```ts
 * targetInput(target, event, { rule, ingestionTime }); // '{"orderId":"o-1"}'
 * ```
 */
export function targetInput(
  target: Pick<LocalRuleTarget, 'input' | 'inputPath' | 'inputTransformer'>,
  event: BusEvent,
  context: DeliveryContext,
): string {
  if (target.input !== undefined) return target.input;
  if (target.inputPath !== undefined) {
    const selected = selectPath(event, target.inputPath);
    return selected.found ? JSON.stringify(selected.value) : 'null';
  }
  const transformer = target.inputTransformer;
  if (transformer !== undefined) {
    return fillTemplate(transformer.inputTemplate, variablesOf(event, transformer.inputPathsMap, context));
  }
  return JSON.stringify(event);
}
