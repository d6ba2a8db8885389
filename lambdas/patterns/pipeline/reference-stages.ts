import { messageOf } from '../../contracts/agentbridge-error.js';
import type { JsonValue } from '../../stores/cache/json-value.js';
import { type Stage, stageError, stageOutput } from './stage.js';

/** One validation rule: a message for each way the input breaks it (none, one or several). */
export interface ValidationRule<T> {
  readonly name: string;
  check(input: T): string | readonly string[] | undefined;
}

/** A failed rule, as a validation stage lists it in its error's `detail.errors`. */
export interface RuleViolation {
  readonly rule: string;
  readonly message: string;
}

/**
 * A stage that checks every rule and, if any fails, reports a `validation` error listing all of them (not
 * only the first), so a sender fixes its input in one round. Passes the input through unchanged.
 *
 * @example
 * ```ts
 * const validate = validationStage<Report>('validate', [
 *   { name: 'title', check: (r) => (r.title.trim() ? undefined : 'title is empty') },
 *   { name: 'severity', check: (r) => (r.severity >= 1 && r.severity <= 4 ? undefined : 'severity is 1-4') },
 * ]);
 * ```
 */
export function validationStage<T>(name: string, rules: readonly ValidationRule<T>[]): Stage<T, T> {
  return {
    name,
    run(input) {
      const errors: RuleViolation[] = rules.flatMap((rule) => {
        const found = rule.check(input);
        const messages = found === undefined ? [] : typeof found === 'string' ? [found] : found;
        return messages.map((message) => ({ rule: rule.name, message }));
      });
      if (errors.length === 0) return stageOutput(input);
      const summary = errors.map((error) => `${error.rule}: ${error.message}`).join('; ');
      return stageError('validation', `${errors.length} rule(s) failed: ${summary}`, {
        errors: errors.map((error) => ({ ...error })),
      });
    },
  };
}

/** One transformation rule: a pure function of the data. */
export interface TransformationRule<T> {
  readonly name: string;
  apply(input: T): T;
}

/**
 * A stage that applies its rules in order, each to the previous rule's result. A rule that throws fails the
 * stage with a `transformation` error naming the rule (`detail.rule`).
 *
 * @example
 * ```ts
 * const normalise = transformationStage<Report>('normalise', [
 *   { name: 'trim-title', apply: (r) => ({ ...r, title: r.title.trim() }) },
 *   { name: 'lowercase-service', apply: (r) => ({ ...r, service: r.service.toLowerCase() }) },
 * ]);
 * ```
 */
export function transformationStage<T>(name: string, rules: readonly TransformationRule<T>[]): Stage<T, T> {
  return {
    name,
    run(input) {
      let data = input;
      for (const rule of rules) {
        try {
          data = rule.apply(data);
        } catch (error) {
          const message = messageOf(error);
          return stageError('transformation', `rule ${rule.name} failed: ${message}`, { rule: rule.name });
        }
      }
      return stageOutput(data);
    },
  };
}

/** One source of enrichment data, fetched from the data being enriched. */
export interface EnrichmentSource<T> {
  /** 1-64 of `[A-Za-z0-9_]`: the output keys are `<name>_data` and `<name>_error`. */
  readonly name: string;
  fetch(input: T): Promise<JsonValue>;
}

/** What an enrichment stage adds: `<source>_data` for each source that answered, `<source>_error` for the rest. */
export type Enriched<T> = T & { readonly [key: `${string}_data`]: JsonValue | undefined } & {
  readonly [key: `${string}_error`]: string | undefined;
};

/**
 * A stage that asks all its sources at once (in parallel) and adds each answer as `<name>_data`; a source
 * that fails adds `<name>_error` with its message instead, and the others still count. It never fails itself:
 * what is missing is recorded for whoever reads the enriched data.
 *
 * @example
 * ```ts
 * const enrich = enrichmentStage<Report>('enrich', [
 *   { name: 'cmdb', fetch: (r) => cmdb.owner(r.service) },
 *   { name: 'oncall', fetch: (r) => pager.onCall(r.service) },
 * ]); // { ...report, cmdb_data: {...}, oncall_error: 'pager timed out' }
 * ```
 */
export function enrichmentStage<T extends object>(
  name: string,
  sources: readonly EnrichmentSource<T>[],
): Stage<T, Enriched<T>> {
  return {
    name,
    async run(input) {
      const settled = await Promise.allSettled(sources.map((source) => source.fetch(input)));
      const added: Record<string, JsonValue> = {};
      settled.forEach((result, index) => {
        const source = (sources[index] as EnrichmentSource<T>).name;
        if (result.status === 'fulfilled') added[`${source}_data`] = result.value;
        else {
          const reason: unknown = result.reason;
          added[`${source}_error`] = reason instanceof Error ? reason.message : String(reason);
        }
      });
      return stageOutput({ ...input, ...added } as Enriched<T>);
    },
  };
}
