import { describe } from 'vitest';
import { describeLifecycleConformance } from './lifecycle-conformance.js';
import { describeRoutingConformance } from './routing-conformance.js';
import type { RuntimeHarness } from './runtime-harness.js';

/** The runtime contract (issue 2, §3): every runtime passes the same fourteen behaviours. */
export function describeRuntimeConformance(name: string, create: () => Promise<RuntimeHarness>): void {
  describe(`${name} conformance`, () => {
    describeRoutingConformance(create);
    describeLifecycleConformance(create);
  });
}
