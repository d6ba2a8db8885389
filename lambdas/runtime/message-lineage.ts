interface LineageOptions {
  readonly correlationId?: string;
  readonly causationId?: string;
}

/** The message being handled (a `DeliveryContext`), when there is one. */
interface LineageCaller {
  readonly messageId: string;
  readonly correlationId: string;
}

/**
 * How a new message links to the one being handled when it was made, the same in every runtime: explicit
 * options win; a message made inside a handler continues that message's conversation (its correlation id) and
 * names it as its cause; a message from outside any handler starts its own chain (both ids are its own).
 *
 * @example
 * ```ts
 * const correlationId = correlationIdOf(messageId, options, caller);
 * const causationId = causationIdOf(messageId, options, caller);
 * ```
 */
export const correlationIdOf = (
  messageId: string,
  options: LineageOptions | undefined,
  caller: LineageCaller | undefined,
): string => options?.correlationId ?? caller?.correlationId ?? messageId;

/** The cause of a new message: see {@link correlationIdOf}. */
export const causationIdOf = (
  messageId: string,
  options: LineageOptions | undefined,
  caller: LineageCaller | undefined,
): string => options?.causationId ?? caller?.messageId ?? messageId;
