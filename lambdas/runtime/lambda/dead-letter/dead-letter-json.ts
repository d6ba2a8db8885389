import { createHash } from 'node:crypto';
import type { DeadLetterRecord } from '../../../contracts/dead-letter-record.js';

/** An object or array being written: its children are emitted one per step of the loop. */
interface OpenValue {
  readonly value: object;
  readonly keys: readonly string[] | undefined;
  index: number;
  written: number;
}

/** The JSON text of one value, or the container to descend into; `undefined` for what JSON omits. */
function open(value: unknown, ancestors: ReadonlySet<object>): string | OpenValue | undefined {
  const json = (value as { toJSON?: unknown } | null | undefined)?.toJSON;
  const plain = typeof json === 'function' ? (json as () => unknown).call(value) : value;
  if (plain === null) return 'null';
  switch (typeof plain) {
    case 'string':
      return JSON.stringify(plain);
    case 'number':
      return Number.isFinite(plain) ? String(plain) : 'null';
    case 'boolean':
      return String(plain);
    case 'bigint':
      return JSON.stringify(plain.toString());
    case 'object':
      if (ancestors.has(plain)) return '"[Circular]"';
      return {
        value: plain,
        keys: Array.isArray(plain) ? undefined : Object.keys(plain),
        index: 0,
        written: 0,
      };
    default:
      return undefined;
  }
}

/**
 * The JSON text `JSON.stringify` would give a value, written with an explicit stack instead of recursion, so
 * nesting of any depth serialises. What `JSON.stringify` refuses gets a stable rendering instead of a throw:
 * a cycle as `"[Circular]"`, a bigint as its decimal string. `undefined` (and functions) at the top give `""`.
 *
 * @example
 * ```ts
 * stackFreeJson(JSON.parse('{"a":'.repeat(6_000) + '1' + '}'.repeat(6_000))).length; // 30001
 * ```
 */
export function stackFreeJson(root: unknown): string {
  const parts: string[] = [];
  const stack: OpenValue[] = [];
  const ancestors = new Set<object>();
  const emit = (opened: string | OpenValue): void => {
    if (typeof opened === 'string') {
      parts.push(opened);
      return;
    }
    parts.push(opened.keys === undefined ? '[' : '{');
    ancestors.add(opened.value);
    stack.push(opened);
  };
  const first = open(root, ancestors);
  if (first === undefined) return '';
  emit(first);
  for (let top = stack.at(-1); top !== undefined; top = stack.at(-1)) {
    const { value, keys } = top;
    const length = keys === undefined ? (value as unknown[]).length : keys.length;
    if (top.index >= length) {
      parts.push(keys === undefined ? ']' : '}');
      ancestors.delete(value);
      stack.pop();
      continue;
    }
    const index = top.index++;
    const key = keys?.[index];
    const child = key === undefined ? (value as unknown[])[index] : (value as Record<string, unknown>)[key];
    const opened = open(child, ancestors) ?? (key === undefined ? 'null' : undefined);
    if (opened === undefined) continue;
    if (top.written++ > 0) parts.push(',');
    if (key !== undefined) parts.push(`${JSON.stringify(key)}:`);
    emit(opened);
  }
  return parts.join('');
}

/** Size in bytes and SHA-256 (hex) of a JSON text, as a dead-letter record identifies an input it omits. */
export function digest(text: string): { bytes: number; sha256: string } {
  const bytes = Buffer.from(text, 'utf8');
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * A dead-letter record's JSON text, never a throw: when the record cannot be serialised (an input nested too
 * deep for `JSON.stringify`, a cycle, a bigint), the input is left out and the record carries
 * `unserialisable` — the size and SHA-256 of the input's JSON text and the error's name — instead. A sink
 * that threw here would send the input back to be retried forever instead of dead-lettering it.
 *
 * @example
 * ```ts
 * deadLetterJson({ ...record, input: deeplyNested }); // '{"kind":"agentbridge.bad-input",…,"unserialisable":{…}}'
 * ```
 */
export function deadLetterJson(record: DeadLetterRecord): string {
  try {
    return JSON.stringify(record);
  } catch (error) {
    const { input: _omitted, ...rest } = record;
    const name = error instanceof Error ? error.name : 'Error';
    return JSON.stringify({
      ...rest,
      unserialisable: { ...digest(stackFreeJson(record.input)), error: name },
    });
  }
}
