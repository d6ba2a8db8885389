import { describe, expect, it } from 'vitest';
import { md5OfAttributes, md5OfBody } from '../../../../local/cloud/sqs/message-md5.js';

describe('SQS message checksums', () => {
  it('hashes the body as the MD5 of its UTF-8 bytes', () => {
    expect(md5OfBody('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5OfBody('é')).toBe('66ddcd97cfdeabb2f6fb8a999b4bc76f');
  });

  it("matches AWS's documented checksum of the SellerName attribute", () => {
    expect(md5OfAttributes({ SellerName: { DataType: 'String', StringValue: 'Example Store' } })).toBe(
      'cd28f3b68aeee4b2eac9c66f2f694b58',
    );
  });

  it('does not depend on the order attributes were given in', () => {
    const one = md5OfAttributes({
      b: { DataType: 'Number', StringValue: '1' },
      a: { DataType: 'Binary', BinaryValue: Buffer.from([0, 1, 2]).toString('base64') },
    });
    const other = md5OfAttributes({
      a: { DataType: 'Binary', BinaryValue: Buffer.from([0, 1, 2]).toString('base64') },
      b: { DataType: 'Number', StringValue: '1' },
    });
    expect(one).toBe(other);
    expect(one).toMatch(/^[0-9a-f]{32}$/);
  });

  it('tells a binary value from the same bytes as a string', () => {
    const asString = md5OfAttributes({ a: { DataType: 'String', StringValue: 'AAE=' } });
    const asBinary = md5OfAttributes({ a: { DataType: 'String', BinaryValue: 'AAE=' } });
    expect(asString).not.toBe(asBinary);
  });

  it('leaves the attribute checksum out when there are no attributes', () => {
    expect(md5OfAttributes({})).toBeUndefined();
    expect(md5OfAttributes(undefined)).toBeUndefined();
  });
});
