/** How the demo marks up text: colours on a terminal, plain text anywhere else (pipes, files, CI logs). */
export interface TextStyle {
  readonly colour: boolean;
  good(text: string): string;
  bad(text: string): string;
  warn(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const sgr =
  (enabled: boolean, open: number, close: number) =>
  (text: string): string =>
    enabled && text !== '' ? `\u001b[${open}m${text}\u001b[${close}m` : text;

/**
 * A text style with ANSI colours, or without (every function returns its input).
 *
 * @example
 * ```ts
 * const style = textStyle(wantsColour(process.stdout, process.env));
 * console.log(style.good('ok'));
 * ```
 */
export function textStyle(colour: boolean): TextStyle {
  return {
    colour,
    good: sgr(colour, 32, 39),
    bad: sgr(colour, 31, 39),
    warn: sgr(colour, 33, 39),
    dim: sgr(colour, 2, 22),
    bold: sgr(colour, 1, 22),
  };
}

/**
 * Colours only on a terminal, and never when `NO_COLOR` is set (https://no-color.org); `FORCE_COLOR`
 * (anything but `0`) turns them on even when piped.
 *
 * @example
 * ```ts
 * wantsColour({ isTTY: false }, {}); // false
 * ```
 */
export function wantsColour(
  stream: { readonly isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0';
  return stream.isTTY === true;
}
