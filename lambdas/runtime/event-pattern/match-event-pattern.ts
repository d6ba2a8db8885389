import { compileEventPattern } from './compile-event-pattern.js';
import { CompiledEventPattern } from './compiled-event-pattern.js';
import type { EventBridgeEvent, EventPattern } from './event-pattern.js';
import type { EventPatternOptions } from './event-pattern-options.js';

const MAX_CACHED_TEXTS = 256;
const compiledObjects = new WeakMap<object, Map<string, CompiledEventPattern>>();
const compiledTexts = new Map<string, CompiledEventPattern>();

const optionsKey = (options: EventPatternOptions | undefined): string => JSON.stringify(options ?? {});

const cachedText = (text: string, options: EventPatternOptions | undefined): CompiledEventPattern => {
  const key = `${optionsKey(options)}\n${text}`;
  const hit = compiledTexts.get(key);
  if (hit !== undefined) return hit;
  const compiled = compileEventPattern(text, options);
  if (compiledTexts.size >= MAX_CACHED_TEXTS) {
    const oldest = compiledTexts.keys().next();
    if (oldest.done !== true) compiledTexts.delete(oldest.value);
  }
  compiledTexts.set(key, compiled);
  return compiled;
};

/*
 * Patterns are usually the same few objects (one per rule), so compiled forms are kept per object; a
 * caller that mutates a pattern object after matching with it must compile it again explicitly.
 */
const cachedObject = (
  pattern: EventPattern,
  options: EventPatternOptions | undefined,
): CompiledEventPattern => {
  const key = optionsKey(options);
  let byOptions = compiledObjects.get(pattern);
  if (byOptions === undefined) {
    byOptions = new Map();
    compiledObjects.set(pattern, byOptions);
  }
  const hit = byOptions.get(key);
  if (hit !== undefined) return hit;
  const compiled = compileEventPattern(pattern, options);
  byOptions.set(key, compiled);
  return compiled;
};

/**
 * Whether an event matches an event pattern, with EventBridge's semantics. The pattern may be compiled
 * already (fastest), an object or JSON text (compiled once and cached); the event is the full bus event
 * (`version`, `id`, `detail-type`, `source`, `account`, `time`, `region`, `resources`, `detail`) or any
 * JSON object, parsed or as text. Throws InvalidEventPatternError / InvalidEventError for bad input.
 *
 * @example
 * matchEventPattern({ 'detail-type': ['OrderPlaced'], detail: { total: [{ numeric: ['>', 100] }] } }, event);
 */
export const matchEventPattern = (
  pattern: CompiledEventPattern | EventPattern | string,
  event: EventBridgeEvent | Readonly<Record<string, unknown>> | string,
  options?: EventPatternOptions,
): boolean => {
  if (pattern instanceof CompiledEventPattern) return pattern.matches(event);
  const compiled =
    typeof pattern === 'string' ? cachedText(pattern, options) : cachedObject(pattern, options);
  return compiled.matches(event);
};
