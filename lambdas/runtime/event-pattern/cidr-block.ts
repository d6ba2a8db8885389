import { addressToHex, looksLikeIpAddress, parseIpAddress } from './ip-address.js';

/** A CIDR block as the inclusive hex range it covers. */
export interface CidrBlock {
  readonly bottom: string;
  readonly top: string;
}

const MASK_BITS = /^[+-]?[0-9]+$/;
const INT_MAX = 2 ** 31 - 1;

/** Java's String.split drops trailing empty strings; the CIDR grammar inherits that. */
const splitLikeJava = (text: string): string[] => {
  if (text === '') return [''];
  const parts = text.split('/');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
};

const topOf = (bytes: Uint8Array, maskBits: number): Uint8Array => {
  const top = Uint8Array.from(bytes);
  let hostBits = bytes.length * 8 - maskBits;
  for (let i = top.length - 1; i >= 0 && hostBits > 0; i -= 1) {
    top[i] = (top[i] ?? 0) | (hostBits >= 8 ? 0xff : (1 << hostBits) - 1);
    hostBits -= 8;
  }
  return top;
};

/**
 * Parses `address/maskBits`. As in AWS's matcher the range starts at the address as written (host bits
 * are not cleared) and ends at that address with every host bit set; IPv4 masks must be below 32 and
 * IPv6 masks below 128. Returns the refusal reason as a string.
 *
 * @example
 * parseCidr('10.0.0.0/24'); // { bottom: '0A000000', top: '0A0000FF' }
 * parseCidr('10.0.0.0'); // "Malformed CIDR, one '/' required"
 */
export const parseCidr = (text: string): CidrBlock | string => {
  const parts = splitLikeJava(text);
  const [address, bits] = parts;
  if (parts.length !== 2 || address === undefined || bits === undefined) {
    return "Malformed CIDR, one '/' required";
  }
  const maskBits = Number(bits);
  if (!MASK_BITS.test(bits) || Math.abs(maskBits) > INT_MAX) {
    return 'Malformed CIDR, mask bits must be an integer';
  }
  if (maskBits < 0) return 'Malformed CIDR, mask bits must not be negative';
  const bytes = parseIpAddress(address);
  if (bytes === undefined) {
    return looksLikeIpAddress(address)
      ? `Invalid IP address: ${address}`
      : `Nonstandard IP address: ${address}`;
  }
  if (bytes.length === 4 && maskBits > 31) return 'IPv4 mask bits must be < 32';
  if (bytes.length === 16 && maskBits > 127) return 'IPv6 mask bits must be < 128';
  return { bottom: addressToHex(bytes), top: addressToHex(topOf(bytes, maskBits)) };
};
