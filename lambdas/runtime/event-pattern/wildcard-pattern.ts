/** A parsed `wildcard` value: literal pieces that the `*`s sit between. */
export interface WildcardPattern {
  /** Literal text between wildcards; n wildcards give n + 1 pieces (possibly empty). */
  readonly pieces: readonly string[];
}

const utf8Length = (codePoint: number): number => {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
};

/**
 * Parses a wildcard value. `*` matches any run of characters (including none); `\*` is a literal
 * asterisk and `\\` a literal backslash; any other escape, and two `*` in a row, are refused. Positions
 * in refusal reasons count UTF-8 bytes of the value wrapped in quotes, as AWS's matcher reports them.
 *
 * @example
 * parseWildcard('*.png'); // { pieces: ['', '.png'] }
 * parseWildcard('a**'); // 'Consecutive wildcard characters at pos 2'
 */
export const parseWildcard = (text: string): WildcardPattern | string => {
  const pieces: string[] = [];
  let piece = '';
  let position = 1;
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i] ?? '';
    if (char === '*') {
      if (chars[i + 1] === '*') return `Consecutive wildcard characters at pos ${position}`;
      pieces.push(piece);
      piece = '';
    } else if (char === '\\') {
      const next = chars[i + 1];
      if (next !== '*' && next !== '\\') return `Invalid escape character at pos ${position}`;
      piece += next;
      i += 1;
      position += 1;
    } else {
      piece += char;
    }
    position += utf8Length(char.codePointAt(0) ?? 0);
  }
  pieces.push(piece);
  return { pieces };
};

/**
 * Glob match in linear passes (no regular expression, so no catastrophic backtracking): the first piece
 * anchors the start, the last anchors the end, the middle ones are found left to right.
 *
 * @example
 * wildcardMatches({ pieces: ['dir/', '.png'] }, 'dir/a/b.png'); // true
 */
export const wildcardMatches = (pattern: WildcardPattern, value: string): boolean => {
  const { pieces } = pattern;
  const first = pieces[0] ?? '';
  if (pieces.length === 1) return value === first;
  const lastPiece = pieces[pieces.length - 1] ?? '';
  if (value.length < first.length + lastPiece.length) return false;
  if (!value.startsWith(first) || !value.endsWith(lastPiece)) return false;
  let cursor = first.length;
  const end = value.length - lastPiece.length;
  for (let i = 1; i < pieces.length - 1; i += 1) {
    const middle = pieces[i] ?? '';
    const found = value.indexOf(middle, cursor);
    if (found === -1 || found + middle.length > end) return false;
    cursor = found + middle.length;
  }
  return true;
};
