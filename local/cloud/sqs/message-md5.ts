import { createHash } from 'node:crypto';
import type { QueueMessageAttribute } from '../local-cloud-ports.js';

/** The hex MD5 of a message body's UTF-8 bytes, as SQS answers it in `MD5OfMessageBody` / `MD5OfBody`. */
export const md5OfBody = (body: string): string => createHash('md5').update(body, 'utf8').digest('hex');

const lengthPrefixed = (bytes: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length, 0);
  return Buffer.concat([length, bytes]);
};

/**
 * The hex MD5 of message attributes as SQS computes `MD5OfMessageAttributes` (and
 * `MD5OfMessageSystemAttributes`): attributes sorted by name, each encoded as its name, its data type (each
 * prefixed with its 4-byte big-endian length), one transport byte (1 for a string value, 2 for a binary one)
 * and the length-prefixed value bytes. Undefined when there are no attributes, as SQS then leaves it out.
 */
export const md5OfAttributes = (
  attributes: Readonly<Record<string, QueueMessageAttribute>> | undefined,
): string | undefined => {
  const names = Object.keys(attributes ?? {}).sort();
  if (attributes === undefined || names.length === 0) return undefined;
  const hash = createHash('md5');
  for (const name of names) {
    const attribute = attributes[name] as QueueMessageAttribute;
    hash.update(lengthPrefixed(Buffer.from(name, 'utf8')));
    hash.update(lengthPrefixed(Buffer.from(attribute.DataType, 'utf8')));
    if (attribute.BinaryValue !== undefined) {
      hash.update(Buffer.from([2]));
      hash.update(lengthPrefixed(Buffer.from(attribute.BinaryValue, 'base64')));
    } else {
      hash.update(Buffer.from([1]));
      hash.update(lengthPrefixed(Buffer.from(attribute.StringValue ?? '', 'utf8')));
    }
  }
  return hash.digest('hex');
};
