/**
 * How one field's value changes between the two systems, both ways. `toLegacy` and `fromLegacy` return
 * `undefined` for a value they cannot convert; the mapping then fails naming the field.
 */
export interface FieldConversion {
  readonly describe: string;
  toLegacy(value: unknown): unknown;
  fromLegacy(value: unknown): unknown;
}

/** One declared field: its name here, its name in the legacy system, and how its value converts. */
export interface FieldMapping {
  readonly field: string;
  readonly legacyField: string;
  readonly conversion?: FieldConversion;
}

const same: FieldConversion = { describe: 'as is', toLegacy: (value) => value, fromLegacy: (value) => value };

const isoOf = (ms: number): string | undefined =>
  Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
const msOf = (value: unknown): number | undefined => {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
};

/**
 * The conversions a mapping declares. Each converts both ways and refuses a value it does not know, so a
 * message is never half translated.
 *
 * @example
 * ```ts
 * const user = [
 *   { field: 'userId', legacyField: 'user_id' },
 *   { field: 'createdAt', legacyField: 'created_at', conversion: conversions.epochSeconds },
 *   { field: 'active', legacyField: 'status', conversion: conversions.status({ true: 'A', false: 'I' }) },
 * ];
 * ```
 */
export const conversions = {
  /** Text both ways; a number or boolean becomes its text. */
  text: {
    describe: 'text',
    toLegacy: (value) => (['string', 'number', 'boolean'].includes(typeof value) ? String(value) : undefined),
    fromLegacy: (value) => (typeof value === 'string' ? value : undefined),
  } satisfies FieldConversion,
  /** A number here, its decimal text there (legacy systems that keep amounts as strings). */
  numberAsText: {
    describe: 'number as text',
    toLegacy: (value) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined),
    fromLegacy: (value) => {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
      return Number.isFinite(number) ? number : undefined;
    },
  } satisfies FieldConversion,
  /** An ISO-8601 timestamp here, epoch seconds there. */
  epochSeconds: {
    describe: 'ISO timestamp as epoch seconds',
    toLegacy: (value) => {
      const ms = msOf(value);
      return ms === undefined ? undefined : Math.floor(ms / 1000);
    },
    fromLegacy: (value) => (typeof value === 'number' ? isoOf(value * 1000) : undefined),
  } satisfies FieldConversion,
  /** An ISO-8601 timestamp here, `YYYY-MM-DD HH:MM:SS` (UTC) there. */
  sqlTimestamp: {
    describe: 'ISO timestamp as YYYY-MM-DD HH:MM:SS',
    toLegacy: (value) => {
      const ms = msOf(value);
      return ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
    },
    fromLegacy: (value) =>
      typeof value === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)
        ? isoOf(Date.parse(`${value.replace(' ', 'T')}Z`))
        : undefined,
  } satisfies FieldConversion,
  /** A boolean here, one of two status strings there. */
  status(statuses: { readonly true: string; readonly false: string }): FieldConversion {
    return {
      describe: `boolean as ${statuses.true}/${statuses.false}`,
      toLegacy: (value) => (typeof value === 'boolean' ? statuses[value ? 'true' : 'false'] : undefined),
      fromLegacy: (value) => (value === statuses.true ? true : value === statuses.false ? false : undefined),
    };
  },
} as const;

/** A field the mapping could not convert, or a field it does not declare. */
export interface MappingProblem {
  readonly field: string;
  readonly problem: string;
}

/**
 * One record translated between the systems by its declared mappings (`toLegacy` or `fromLegacy`). A field
 * absent from the record is left out; a value its conversion refuses is a problem, and so is a field the
 * mapping does not declare unless `undeclared` is `ignore` (a legacy answer's extra columns) — every problem is
 * returned, nothing is dropped silently.
 *
 * @example
 * ```ts
 * const { record, problems } = translate({ userId: 'u-1', active: true }, user, 'toLegacy');
 * // record: { user_id: 'u-1', status: 'A' }
 * ```
 */
export function translate(
  record: Readonly<Record<string, unknown>>,
  mappings: readonly FieldMapping[],
  direction: 'toLegacy' | 'fromLegacy',
  undeclared: 'problem' | 'ignore' = 'problem',
): { readonly record: Record<string, unknown>; readonly problems: readonly MappingProblem[] } {
  const source = (mapping: FieldMapping) => (direction === 'toLegacy' ? mapping.field : mapping.legacyField);
  const target = (mapping: FieldMapping) => (direction === 'toLegacy' ? mapping.legacyField : mapping.field);
  const declared = new Map(mappings.map((mapping) => [source(mapping), mapping]));
  const translated: Record<string, unknown> = {};
  const problems: MappingProblem[] = [];
  for (const [name, value] of Object.entries(record)) {
    const mapping = declared.get(name);
    if (mapping === undefined) {
      if (undeclared === 'problem') problems.push({ field: name, problem: 'not declared in the mapping' });
      continue;
    }
    if (value === undefined) continue;
    const conversion = mapping.conversion ?? same;
    const converted = value === null ? null : conversion[direction](value);
    if (converted === undefined) {
      problems.push({
        field: name,
        problem: `${JSON.stringify(value)} does not convert (${conversion.describe})`,
      });
      continue;
    }
    translated[target(mapping)] = converted;
  }
  return { record: translated, problems };
}
