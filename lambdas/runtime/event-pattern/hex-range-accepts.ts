const isHexDigit = (char: string): boolean => (char >= '0' && char <= '9') || (char >= 'A' && char <= 'F');

/**
 * Whether AWS's byte automaton for the inclusive hex range [bottom, top] (equal lengths, bottom < top)
 * accepts `value`. The automaton fires as soon as a digit proves the value inside the range, so it
 * compares only as many digits as it needs: an IPv6 value is tested on its leading digits against an
 * IPv4 block (and vice versa), exactly as EventBridge does.
 *
 * @example
 * hexRangeAccepts('0A000021', '0A000000', '0A0000FF'); // true (10.0.0.33 in 10.0.0.0/24)
 */
export const hexRangeAccepts = (value: string, bottom: string, top: string): boolean => {
  const last = bottom.length - 1;
  let fork = 0;
  while (fork < last && bottom[fork] === top[fork]) fork += 1;
  if (value.length <= fork || value.slice(0, fork) !== bottom.slice(0, fork)) return false;
  const digit = value.charAt(fork);
  const low = bottom.charAt(fork);
  const high = top.charAt(fork);
  if (!isHexDigit(digit)) return false;
  if (digit > low && digit < high) return true;
  if (fork === last) return digit === low || digit === high;
  // Past the fork the value follows either the bottom path (anything above it wins) or the top path.
  const above = digit === low;
  if (!above && digit !== high) return false;
  const path = above ? bottom : top;
  for (let i = fork + 1; i <= last; i += 1) {
    const next = value.charAt(i);
    if (!isHexDigit(next)) return false;
    const bound = path.charAt(i);
    if (above ? next > bound : next < bound) return true;
    if (next !== bound) return false;
  }
  return true;
};
