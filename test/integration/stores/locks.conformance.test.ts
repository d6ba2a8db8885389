import { describe } from 'vitest';
import { fencingConformance } from '../../support/locks/fencing-conformance.js';
import { DYNAMODB_LOCKS, IN_MEMORY_LOCKS } from '../../support/locks/lock-fixture.js';
import { lockGrantConformance } from '../../support/locks/lock-grant-conformance.js';
import { lockWaitConformance } from '../../support/locks/lock-wait-conformance.js';

/**
 * One lock contract, two stores: the in-memory adapter and the DynamoDB adapter on DynamoDB Local. Each test
 * uses its own random resource, so the files running in parallel on the shared table never meet.
 */
describe.each([IN_MEMORY_LOCKS, DYNAMODB_LOCKS])('fenced locks on $name', (adapter) => {
  describe('grant, reentry, release, extend', () => lockGrantConformance(adapter));
  describe('FIFO waiting', () => lockWaitConformance(adapter));
  describe('fencing tokens', () => fencingConformance(adapter));
});
