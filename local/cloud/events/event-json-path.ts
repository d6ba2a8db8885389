import { AwsServiceError } from '../endpoint/aws-service.js';

type Step =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'index'; readonly at: number }
  | {
      readonly kind: 'wildcard';
    };

const FIELD = /^\.([A-Za-z0-9_\-/@:]+)/;
const BRACKET_FIELD = /^\[\s*(?:'([^']*)'|"([^"]*)")\s*\]/;
const INDEX = /^\[\s*(\d+)\s*\]/;
const WILDCARD = /^(?:\.\*|\[\s*\*\s*\])/;

const compiled = new Map<string, readonly Step[]>();

/**
 * The steps of a JSON path as EventBridge evaluates them in `InputPath` and `InputPathsMap`: `$`, dot notation
 * (letters, digits, dashes, underscores, slashes), bracketed names, array indices and wildcards.
 */
function stepsOf(path: string): readonly Step[] {
  const cached = compiled.get(path);
  if (cached !== undefined) return cached;
  const text = path.trim();
  if (!text.startsWith('$')) {
    throw new AwsServiceError('ValidationException', `The JSON path ${path} does not start with $`);
  }
  const steps: Step[] = [];
  let rest = text.slice(1);
  while (rest !== '') {
    const wildcard = WILDCARD.exec(rest);
    const field = wildcard ? null : FIELD.exec(rest);
    const bracket = wildcard || field ? null : BRACKET_FIELD.exec(rest);
    const index = wildcard || field || bracket ? null : INDEX.exec(rest);
    const match = wildcard ?? field ?? bracket ?? index;
    if (match === null) {
      throw new AwsServiceError('ValidationException', `EventBridge does not evaluate the JSON path ${path}`);
    }
    if (wildcard) steps.push({ kind: 'wildcard' });
    else if (field) steps.push({ kind: 'field', name: field[1] ?? '' });
    else if (bracket) steps.push({ kind: 'field', name: bracket[1] ?? bracket[2] ?? '' });
    else steps.push({ kind: 'index', at: Number(index?.[1]) });
    rest = rest.slice(match[0].length);
  }
  compiled.set(path, steps);
  return steps;
}

const children = (value: unknown): unknown[] => {
  if (Array.isArray(value)) return value;
  if (value !== null && typeof value === 'object') return Object.values(value);
  return [];
};

const apply = (value: unknown, step: Step): unknown[] => {
  if (step.kind === 'wildcard') return children(value);
  if (step.kind === 'index') return Array.isArray(value) && step.at < value.length ? [value[step.at]] : [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.hasOwn(value, step.name) ? [(value as Record<string, unknown>)[step.name]] : [];
};

/** What a path selects in an event: `found: false` when it names nothing there. */
export type PathValue = { readonly found: true; readonly value: unknown } | { readonly found: false };

/**
 * Evaluates a JSON path against the event; a path with a wildcard selects the array of what it reaches.
 *
 * @example
 * ```ts
 * selectPath(event, '$.detail.orderId'); // { found: true, value: 'o-1' }
 * selectPath(event, '$.resources[*]'); // { found: true, value: ['arn:…'] }
 * ```
 */
export function selectPath(event: unknown, path: string): PathValue {
  const steps = stepsOf(path);
  let nodes: unknown[] = [event];
  for (const step of steps) nodes = nodes.flatMap((node) => apply(node, step));
  if (steps.some((step) => step.kind === 'wildcard')) return { found: true, value: nodes };
  const [first] = nodes;
  return nodes.length === 0 ? { found: false } : { found: true, value: first };
}
