import { describe } from 'vitest';
import { describeAgentBaseConformance } from './agent-base-conformance.js';
import { describeLifecycleConformance } from './lifecycle-conformance.js';
import { describeRoutingConformance } from './routing-conformance.js';
import type { RuntimeHarness } from './runtime-harness.js';
import { describeWireConformance } from './wire-conformance.js';

/** The runtime contract: every runtime passes the same behaviours. */
export function describeRuntimeConformance(name: string, create: () => Promise<RuntimeHarness>): void {
  describe(`${name} conformance`, () => {
    describeRoutingConformance(create);
    describeLifecycleConformance(create);
    describeAgentBaseConformance(create);
    describeWireConformance(create);
  });
}
