import type { Logger } from '../../../lambdas/contracts/logger.js';
import { InProcessRuntime } from '../../../lambdas/runtime/in-process-runtime.js';
import { describeRuntimeConformance } from '../../conformance/runtime-conformance.js';

const quiet: Logger = { warn: () => undefined, error: () => undefined };

describeRuntimeConformance('in-process runtime', async () => {
  const runtime = new InProcessRuntime({ logger: quiet });
  return {
    runtime,
    instantiated: async () => runtime.instantiated(),
    idle: () => runtime.waitUntilIdle(),
    cancellation: 'propagated',
    dispose: async () => undefined,
  };
});
