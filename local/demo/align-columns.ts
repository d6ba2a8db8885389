export type ColumnAlign = 'left' | 'right';

/**
 * Pads every cell to its column's widest cell, or to the column's minimum width if wider (by characters, so
 * style the cells after aligning them). The last column is not padded, so lines carry no trailing spaces;
 * a missing alignment means left.
 *
 * @example
 * ```ts
 * alignColumns([['+1 ms', 'saga'], ['+12 ms', 'undo']], ['right']);
 * // [[' +1 ms', 'saga'], ['+12 ms', 'undo']]
 * ```
 */
export function alignColumns(
  rows: readonly (readonly string[])[],
  align: readonly ColumnAlign[] = [],
  minWidths: readonly number[] = [],
): string[][] {
  const widths: number[] = [...minWidths];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, [...cell].length);
    });
  }
  return rows.map((row) =>
    row.map((cell, column) => {
      if (column === row.length - 1 && align[column] !== 'right') return cell;
      const padding = ' '.repeat((widths[column] ?? 0) - [...cell].length);
      return align[column] === 'right' ? padding + cell : cell + padding;
    }),
  );
}
