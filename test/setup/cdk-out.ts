/**
 * vitest global setup: the synthesized (bundled) apps the local-cloud tests load — the order stack's cdk.out
 * and the operations desk's — made fresh once before any test file runs, when absent or older than their
 * sources. Several files load each; synthesizing from each at once would write one assembly concurrently.
 */
import { ensureBundledCdkOut, ensureSynthesized } from '../../local/cdk-out/cdk-out-template.js';
import { OPS_DESK_LOCAL_SYNTH } from '../support/ops-desk-cloud.js';

export const setup = (): void => {
  ensureBundledCdkOut();
  ensureSynthesized(OPS_DESK_LOCAL_SYNTH);
};
