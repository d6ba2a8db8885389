/** Where an equals-ignore-case comparison is anchored. */
export type CaseInsensitiveAnchor = 'whole' | 'prefix' | 'suffix';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/*
 * AWS's matcher does not fold the event value: each character of the pattern admits exactly its own
 * lower-case and upper-case forms (per character, locale-independent). So "ß" accepts "ß" and "SS",
 * while "SS" never accepts "ß". An alternation per character reproduces that.
 */
const alternatives = (text: string): string =>
  Array.from(text, (char) => {
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    return lower === upper ? escapeRegExp(lower) : `(?:${escapeRegExp(lower)}|${escapeRegExp(upper)})`;
  }).join('');

/**
 * Compiles a case-insensitive comparison (`equals-ignore-case`, and `prefix`/`suffix` with it).
 *
 * @example
 * caseInsensitiveMatcher('eventb', 'prefix')('EventBridge'); // true
 */
export const caseInsensitiveMatcher = (
  text: string,
  anchor: CaseInsensitiveAnchor,
): ((value: string) => boolean) => {
  const body = alternatives(text);
  const source = anchor === 'whole' ? `^${body}$` : anchor === 'prefix' ? `^${body}` : `${body}$`;
  const regex = new RegExp(source);
  return (value) => regex.test(value);
};
