import { describe, expect, it } from 'vitest';
import { nameBasedUuid } from '../../../../lambdas/runtime/aws/name-based-uuid.js';

const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

describe('nameBasedUuid', () => {
  it('matches the RFC 9562 version-5 UUIDs other implementations derive', () => {
    expect(nameBasedUuid(DNS, 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(nameBasedUuid(URL, 'https://github.com/agentbridge/delivery-message-id')).toBe(
      'd3104132-bd5a-5c84-b8a6-dc47b6b6315b',
    );
  });

  it('is stable for a name and differs between names and namespaces', () => {
    expect(nameBasedUuid(DNS, 'a')).toBe(nameBasedUuid(DNS, 'a'));
    expect(nameBasedUuid(DNS, 'a')).not.toBe(nameBasedUuid(DNS, 'b'));
    expect(nameBasedUuid(DNS, 'a')).not.toBe(nameBasedUuid(URL, 'a'));
  });

  it('hashes the name as UTF-8', () => {
    expect(nameBasedUuid(DNS, 'ö')).not.toBe(nameBasedUuid(DNS, 'o'));
    expect(nameBasedUuid(DNS, 'ö')).toBe('61a80fa9-0ef7-5fbf-bf14-e62ebca8cc1d');
  });
});
