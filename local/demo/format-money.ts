const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * Minor units as a two-decimal amount with grouped thousands, by integer arithmetic (money is never a float).
 *
 * @example
 * ```ts
 * formatMoney(1_139_400); // '11,394.00'
 * formatMoney(5); // '0.05'
 * ```
 */
export function formatMoney(minorUnits: number): string {
  const sign = minorUnits < 0 ? '-' : '';
  const absolute = Math.abs(minorUnits);
  const major = Math.trunc(absolute / 100);
  const minor = absolute % 100;
  return `${sign}${GROUPED.format(major)}.${String(minor).padStart(2, '0')}`;
}
