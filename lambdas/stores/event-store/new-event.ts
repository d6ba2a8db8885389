/**
 * An event to append. `data` must be JSON-serialisable; `id` defaults to a fresh UUID; `metadata` extras
 * are merged over the append's options (and may set this event's own `correlationId`/`causationId`).
 *
 * @example
 * ```ts
 * const event: NewEvent = { type: 'UserCreated', data: { name: 'Ada' } };
 * ```
 */
export interface NewEvent {
  readonly type: string;
  readonly data: unknown;
  readonly id?: string;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/**
 * Options shared by every event of one append. Without a `correlationId`/`causationId` the append starts a
 * new conversation: both default to the id of the append's first event.
 */
export interface AppendOptions {
  readonly correlationId?: string;
  readonly causationId?: string;
  /** Extra JSON metadata copied onto every event of the append. */
  readonly metadata?: Readonly<Record<string, unknown>>;
}
