import * as z from 'zod';
import type { ProducerDirectory } from '../../lambdas/contracts/senders.js';
import { SOURCE_PREFIX } from '../../lambdas/contracts/sources.js';
import { InvalidContextError } from './infra-error.js';

/**
 * The context key naming, per detail-type, the source and accounts of its producer (`cdk.json`, or
 * `cdk deploy -c producers='{"PaymentCompleted":{"accounts":["222222222222"]}}'`).
 */
export const PRODUCERS_CONTEXT = 'producers';

const ACCOUNT_ID = /^\d{12}$/;

const ProducerOverrideSchema = z
  .object({
    /** The `source` (or sources) the producer writes; its default when absent. */
    source: z.union([z.string().min(1).max(256), z.array(z.string().min(1).max(256)).min(1)]).optional(),
    /** Other accounts the producer puts events from; `producerAccounts` when absent. */
    accounts: z.array(z.string().regex(ACCOUNT_ID, 'expected a 12-digit account id')).optional(),
  })
  .strict();
const ProducersContextSchema = z.record(z.string(), ProducerOverrideSchema);

function parsed(value: unknown): z.infer<typeof ProducersContextSchema> {
  if (value === undefined || value === null || value === '') return {};
  let json: unknown = value;
  if (typeof value === 'string') {
    try {
      json = JSON.parse(value);
    } catch (error) {
      throw new InvalidContextError(PRODUCERS_CONTEXT, 'is not JSON', { cause: error });
    }
  }
  const result = ProducersContextSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InvalidContextError(
      PRODUCERS_CONTEXT,
      `must map detail-types to { source?, accounts? }: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
      { cause: result.error },
    );
  }
  return result.data;
}

export interface ProducerDirectoryOptions {
  /** Detail-type → the source its producer writes unless configured otherwise. Only these may be configured. */
  readonly defaults: Readonly<Record<string, string>>;
  /** The `producers` context value. */
  readonly producers: unknown;
  /** Accounts (the `producerAccounts` context) for every detail-type whose producer names none of its own. */
  readonly producerAccounts: readonly string[];
}

/**
 * The deployment's producer directory: each external detail-type's default source, renamed and given
 * accounts by the `producers` context, with `producerAccounts` for those that name no account. A detail-type
 * the system does not consume, an `agentbridge.*` source (reserved for agentbridge's own components) or a
 * malformed account fails the synth.
 *
 * @example
 * ```ts
 * producerDirectoryFromContext({ defaults: { PaymentCompleted: 'payments.gateway' },
 *   producers: { PaymentCompleted: { accounts: ['222222222222'] } }, producerAccounts: [] });
 * // { PaymentCompleted: { sources: ['payments.gateway'], accounts: ['222222222222'] } }
 * ```
 */
export function producerDirectoryFromContext(options: ProducerDirectoryOptions): ProducerDirectory {
  const overrides = parsed(options.producers);
  const unknown = Object.keys(overrides).filter((type) => !(type in options.defaults));
  if (unknown.length > 0) {
    throw new InvalidContextError(
      PRODUCERS_CONTEXT,
      `names detail-types no agent accepts from outside: ${unknown.join(', ')} (known: ${Object.keys(options.defaults).join(', ')})`,
    );
  }
  const directory: Record<string, { sources: string[]; accounts: string[] }> = {};
  for (const [type, defaultSource] of Object.entries(options.defaults)) {
    const override = overrides[type] ?? {};
    const source = override.source ?? defaultSource;
    const sources = [...new Set(typeof source === 'string' ? [source] : source)];
    const reserved = sources.filter((candidate) => candidate.startsWith(SOURCE_PREFIX));
    if (reserved.length > 0) {
      throw new InvalidContextError(
        PRODUCERS_CONTEXT,
        `gives ${type} the source ${reserved.join(', ')}: ${SOURCE_PREFIX}* is reserved for agentbridge itself`,
      );
    }
    const accounts = [...new Set(override.accounts ?? options.producerAccounts)];
    directory[type] = { sources, accounts };
  }
  return directory;
}
