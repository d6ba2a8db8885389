/**
 * vitest global setup: the order stack's cdk.out synthesized (bundled) once before any test file runs, when
 * it is absent or older than its sources. Several files load it (the loader, the local cloud, the e2e suite,
 * `npm start --target local-cloud`); synthesizing from each at once would write one cdk.out concurrently.
 */
import { ensureBundledCdkOut } from '../../local/cdk-out/cdk-out-template.js';

export const setup = (): void => {
  ensureBundledCdkOut();
};
