import type { EventBridgeEvent } from './event-pattern.js';
import type { FieldIndex } from './field-index.js';
import { flattenEvent } from './flatten-event.js';
import { matchAlternative } from './match-alternative.js';
import type { NumericSemantics } from './numeric-semantics.js';
import { readEvent } from './read-event.js';
import type { FieldMatcher } from './value-matcher.js';

/**
 * A validated, compiled event pattern: compile once (at rule creation), then call {@link matches} for
 * every event on the bus. Immutable and safe to share.
 */
export class CompiledEventPattern {
  /** The alternatives (one per `$or` combination), each a list of field matchers in path order. */
  readonly alternatives: readonly (readonly FieldMatcher[])[];
  /** The pattern's JSON text as compiled. */
  readonly source: string;
  readonly numbers: NumericSemantics;
  private readonly index: FieldIndex;

  constructor(
    alternatives: readonly (readonly FieldMatcher[])[],
    index: FieldIndex,
    numbers: NumericSemantics,
    source: string,
  ) {
    this.alternatives = alternatives;
    this.index = index;
    this.numbers = numbers;
    this.source = source;
  }

  /**
   * Whether the event matches. Takes the full bus event (`version`, `id`, `detail-type`, `source`,
   * `account`, `time`, `region`, `resources`, `detail`) or any JSON object, parsed or as text; throws
   * InvalidEventError for anything that is not a JSON object.
   *
   * @example
   * compileEventPattern({ source: ['aws.ec2'] }).matches({ source: 'aws.ec2', detail: {} }); // true
   */
  matches(event: EventBridgeEvent | Readonly<Record<string, unknown>> | string): boolean {
    const fields = flattenEvent(readEvent(event), this.index);
    return this.alternatives.some((alternative) => matchAlternative(alternative, fields, this.numbers));
  }
}
