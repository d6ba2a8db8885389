import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBundledCdkOut, readCdkTemplate } from '../local/cdk-out/cdk-out-template.js';
import { templateFunctions } from '../local/cdk-out/template-functions.js';
import type { Bench, BenchResult } from './bench.js';
import { librariesBaselineBundle, librariesOf } from './coldstart/libraries-baseline-bundle.js';
import { type ModuleInitTime, moduleInitTime } from './coldstart/module-init-time.js';
import { sdkBaselineBundle, sdkClientsOf } from './coldstart/sdk-baseline-bundle.js';

/** Samples per function and per baseline (`COLDSTART_SAMPLES`); the median of each is compared. */
const SAMPLES = Number(process.env.COLDSTART_SAMPLES ?? 9);
/**
 * `COLDSTART_SOURCE_MAPS=1` also imports each bundle with `NODE_OPTIONS=--enable-source-maps`, side by side,
 * and prints `coldstart.<function>.source_maps_ratio`: what loading the maps at init would cost.
 */
const WITH_SOURCE_MAPS = process.env.COLDSTART_SOURCE_MAPS === '1';

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * Module init of every function in cdk.out (its bundle, its template environment with `NODE_OPTIONS`)
 * against a bundle of only the SDK clients that function bundles, each in a fresh `node` per sample, the
 * bundles alternating so all see the same machine. Prints per function the medians and their ratio, and a
 * second floor: the same clients plus the libraries the function bundles (Powertools, middy, zod, the
 * document client) set up as the handlers set them up, so `own_ratio` is what this project's code adds.
 * `cpu_*` repeat the ratios on the CPU time of the imports, which a machine busy with other jobs distorts
 * far less than the wall time.
 */
async function coldStarts(): Promise<BenchResult[]> {
  const cdkOut = ensureBundledCdkOut();
  const functions = templateFunctions(readCdkTemplate(cdkOut), cdkOut);
  const work = mkdtempSync(join(tmpdir(), 'agentbridge-coldstart-'));
  const results: BenchResult[] = [];
  try {
    for (const fn of functions) {
      if (fn.assetDir === undefined) continue;
      const name = fn.functionName.replace(/^AgentBridge-/, '');
      const clients = sdkClientsOf(fn.assetDir);
      const baseline = await sdkBaselineBundle(clients, work);
      const libraries = await librariesBaselineBundle(clients, librariesOf(fn.assetDir), work);
      const bundle = join(fn.assetDir, 'index.mjs');
      const own: ModuleInitTime[] = [];
      const floor: ModuleInitTime[] = [];
      const withLibraries: ModuleInitTime[] = [];
      const mapped: ModuleInitTime[] = [];
      const mappedEnvironment = { ...fn.environment, NODE_OPTIONS: '--enable-source-maps' };
      moduleInitTime(bundle, fn.environment, fn.functionName); // warms the file cache, not counted
      moduleInitTime(baseline, fn.environment, fn.functionName);
      moduleInitTime(libraries, fn.environment, fn.functionName);
      for (let i = 0; i < SAMPLES; i++) {
        own.push(moduleInitTime(bundle, fn.environment, fn.functionName));
        floor.push(moduleInitTime(baseline, fn.environment, fn.functionName));
        withLibraries.push(moduleInitTime(libraries, fn.environment, fn.functionName));
        if (WITH_SOURCE_MAPS) mapped.push(moduleInitTime(bundle, mappedEnvironment, fn.functionName));
      }
      const wall = (times: readonly ModuleInitTime[]) => median(times.map((time) => time.wallMs));
      const cpu = (times: readonly ModuleInitTime[]) => median(times.map((time) => time.cpuMs));
      const ms = wall(own);
      const baselineMs = wall(floor);
      const librariesMs = wall(withLibraries);
      const cpuMs = cpu(own);
      results.push(
        { name: `coldstart.${name}.ms`, value: ms, unit: 'ms' },
        { name: `coldstart.${name}.baseline_ms`, value: baselineMs, unit: 'ms' },
        { name: `coldstart.${name}.ratio`, value: ms / baselineMs, unit: 'x' },
        { name: `coldstart.${name}.libraries_ms`, value: librariesMs, unit: 'ms' },
        { name: `coldstart.${name}.own_ratio`, value: ms / librariesMs, unit: 'x' },
        { name: `coldstart.${name}.cpu_ms`, value: cpuMs, unit: 'ms' },
        { name: `coldstart.${name}.cpu_ratio`, value: cpuMs / cpu(floor), unit: 'x' },
        { name: `coldstart.${name}.cpu_own_ratio`, value: cpuMs / cpu(withLibraries), unit: 'x' },
      );
      if (WITH_SOURCE_MAPS) {
        results.push({
          name: `coldstart.${name}.source_maps_ratio`,
          value: wall(mapped) / baselineMs,
          unit: 'x',
        });
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

export const benches: readonly Bench[] = [{ name: 'coldstart', unit: 'x', run: coldStarts }];
