import { InvalidIdentifierError } from './runtime-error.js';

/**
 * AutoGen's agent type rule `^[\w\-\.]+\Z`, with Python's Unicode `\w`: any letter (`\p{L}`), any number
 * (`\p{N}`) or `_`. JavaScript's `\w` is ASCII only, so the classes are spelt out. Like Python, combining marks
 * are not word characters: write accented letters precomposed (NFC).
 */
const AGENT_TYPE = /^[\p{L}\p{N}_\-.]+$/u;
/** AutoGen's topic type rule: the agent type characters plus `:` and `=`. */
const TOPIC_TYPE = /^[\p{L}\p{N}_\-.:=]+$/u;
/**
 * Keys and topic sources become DynamoDB keys and EventBridge strings, so (unlike AutoGen, which takes
 * any string) they must be non-empty, at most 512 characters, without control characters.
 */
const KEY = /^[^\p{Cc}]{1,512}$/u;

/** The value as the error shows it: a non-string is named by its type, never coerced into a valid name. */
const shown = (value: unknown): string => (typeof value === 'string' ? value : `(${typeof value})`);

export function assertAgentType(type: unknown): asserts type is string {
  if (typeof type !== 'string' || !AGENT_TYPE.test(type)) {
    throw new InvalidIdentifierError(
      'agent type',
      shown(type),
      'a string of letters, digits, "_", "-" and "." only',
    );
  }
}

/** Whether `value` may be a topic type (so, for example, an agent key can double as one). */
export const isTopicType = (value: unknown): value is string =>
  typeof value === 'string' && TOPIC_TYPE.test(value);

export function assertTopicType(type: unknown): asserts type is string {
  if (typeof type !== 'string' || !TOPIC_TYPE.test(type)) {
    throw new InvalidIdentifierError(
      'topic type',
      shown(type),
      'a string of letters, digits, "_", "-", ".", ":" and "=" only',
    );
  }
}

export function assertKey(kind: 'agent key' | 'topic source', value: unknown): asserts value is string {
  if (typeof value !== 'string' || !KEY.test(value)) {
    throw new InvalidIdentifierError(
      kind,
      shown(value),
      'a string of 1 to 512 characters, no control characters',
    );
  }
}
