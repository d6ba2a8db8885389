import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../../../../lib/constructs/project-paths.js';

/**
 * A copy of a cdk.out fixture (`test/fixtures/cdk-out/<name>`) in a temporary directory, with the bundle
 * directory of every zip asset created (a bundle holds code, not JSON, so the fixture names it only).
 */
export function stagedCdkOut(name: string, options: { bundles?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `cdk-out-${name}-`));
  cpSync(projectPath(`test/fixtures/cdk-out/${name}`), dir, { recursive: true });
  if (options.bundles === false) return dir;
  for (const file of readdirSync(dir).filter((entry) => entry.endsWith('.assets.json'))) {
    const manifest = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      files?: Record<string, { source: { path: string; packaging?: string } }>;
    };
    for (const asset of Object.values(manifest.files ?? {})) {
      if (asset.source.packaging !== 'zip') continue;
      mkdirSync(join(dir, asset.source.path), { recursive: true });
      writeFileSync(join(dir, asset.source.path, 'index.mjs'), 'export const handler = async () => ({});\n');
    }
  }
  return dir;
}

/** A cdk.out of one stack whose template is given (the bad templates of `bad-templates.json`). */
export function cdkOutOf(template: unknown, stackName = 'Bad'): string {
  const dir = mkdtempSync(join(tmpdir(), 'cdk-out-bad-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      version: '55.0.0',
      artifacts: {
        [stackName]: {
          type: 'aws:cloudformation:stack',
          properties: { templateFile: `${stackName}.template.json` },
        },
      },
    }),
  );
  writeFileSync(join(dir, `${stackName}.template.json`), JSON.stringify(template));
  return dir;
}
