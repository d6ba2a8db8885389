import { InvalidIdentifierError } from './runtime-error.js';

/** AutoGen's agent type rule: word characters, `-` and `.` only. */
const AGENT_TYPE = /^[\w\-.]+$/;
/** AutoGen's topic type rule: the agent type characters plus `:` and `=`. */
const TOPIC_TYPE = /^[\w\-.:=]+$/;
/**
 * Keys and topic sources become DynamoDB keys and EventBridge strings, so (unlike AutoGen, which takes
 * any string) they must be non-empty, at most 512 characters, without control characters.
 */
const KEY = /^[^\p{Cc}]{1,512}$/u;

export function assertAgentType(type: string): void {
  if (!AGENT_TYPE.test(type)) {
    throw new InvalidIdentifierError(
      'agent type',
      type,
      'only letters, digits, "_", "-" and "." are allowed',
    );
  }
}

export function assertTopicType(type: string): void {
  if (!TOPIC_TYPE.test(type)) {
    throw new InvalidIdentifierError(
      'topic type',
      type,
      'only letters, digits, "_", "-", ".", ":" and "=" are allowed',
    );
  }
}

export function assertKey(kind: 'agent key' | 'topic source', value: string): void {
  if (!KEY.test(value)) {
    throw new InvalidIdentifierError(kind, value, '1 to 512 characters, no control characters');
  }
}
