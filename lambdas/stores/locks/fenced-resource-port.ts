/** What a fenced resource holds: the last accepted value and the newest token it came with. */
export interface FencedValue {
  readonly value: string;
  readonly lastFencingToken: number;
}

/**
 * A record protected by a lock: writes carry the writer's fencing token and are refused when a newer token
 * was already accepted, so a holder that was paused past its lease cannot overwrite its successor's work.
 */
export interface FencedResource {
  /** Stores `value` unless a newer token was accepted (`StaleFencingTokenError`, nothing changes). */
  write(name: string, fencingToken: number, value: string): Promise<void>;
  read(name: string): Promise<FencedValue | undefined>;
}
