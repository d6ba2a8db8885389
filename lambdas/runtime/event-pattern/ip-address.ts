/*
 * The same two gates AWS's matcher puts in front of Java's InetAddress: only text that looks like an
 * address literal is parsed (so nothing resembling a host name is ever resolved).
 */
const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** True when the text has the shape of an IPv4 or IPv6 literal (it may still be invalid). */
export const looksLikeIpAddress = (text: string): boolean => IPV4_SHAPE.test(text) || IPV6_SHAPE.test(text);

const parseIpv4 = (text: string): Uint8Array | undefined => {
  const parts = text.split('.');
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i += 1) {
    const part = parts[i] ?? '';
    // Current JDKs refuse zero-padded octets as ambiguous (octal or decimal?), so AWS does too.
    if (part.length > 1 && part.startsWith('0')) return undefined;
    const value = Number(part);
    if (part.length > 3 || value > 255) return undefined;
    bytes[i] = value;
  }
  return bytes;
};

const parseGroups = (text: string): number[] | undefined => {
  if (text === '') return [];
  const groups: number[] = [];
  for (const group of text.split(':')) {
    if (!HEX_GROUP.test(group)) return undefined;
    groups.push(Number.parseInt(group, 16));
  }
  return groups;
};

const isIpv4Mapped = (bytes: Uint8Array): boolean =>
  bytes.subarray(0, 10).every((byte) => byte === 0) && bytes[10] === 0xff && bytes[11] === 0xff;

const parseIpv6 = (text: string): Uint8Array | undefined => {
  const gap = text.indexOf('::');
  if (gap !== -1 && text.indexOf('::', gap + 1) !== -1) return undefined;
  const head = parseGroups(gap === -1 ? text : text.slice(0, gap));
  const tail = gap === -1 ? [] : parseGroups(text.slice(gap + 2));
  if (head === undefined || tail === undefined) return undefined;
  const count = head.length + tail.length;
  if (gap === -1 ? count !== 8 : count > 7) return undefined;
  const groups = [...head, ...new Array<number>(8 - count).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    bytes[2 * i] = group >> 8;
    bytes[2 * i + 1] = group & 0xff;
  });
  // Java hands back an IPv4-mapped IPv6 literal (::ffff:a00:1) as the IPv4 address it maps.
  return isIpv4Mapped(bytes) ? bytes.subarray(12) : bytes;
};

/**
 * Parses an IPv4 or IPv6 literal the way AWS's matcher does: 4 bytes for IPv4 (and IPv4-mapped IPv6),
 * 16 for IPv6; undefined when the text is not such a literal.
 *
 * @example
 * parseIpAddress('10.0.0.1'); // Uint8Array [10, 0, 0, 1]
 * parseIpAddress('example.com'); // undefined
 */
export const parseIpAddress = (text: string): Uint8Array | undefined => {
  if (IPV4_SHAPE.test(text)) return parseIpv4(text);
  if (IPV6_SHAPE.test(text)) return parseIpv6(text);
  return undefined;
};

/**
 * Upper-case hex of the address bytes: the form addresses are compared in.
 *
 * @example
 * addressToHex(Uint8Array.of(10, 0, 0, 1)); // '0A000001'
 */
export const addressToHex = (bytes: Uint8Array): string => {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).toUpperCase().padStart(2, '0');
  return hex;
};

/**
 * Hex form of an IP literal, or undefined when the text is not one.
 *
 * @example
 * ipToHex('::1'); // '00000000000000000000000000000001'
 */
export const ipToHex = (text: string): string | undefined => {
  const bytes = parseIpAddress(text);
  return bytes === undefined ? undefined : addressToHex(bytes);
};
