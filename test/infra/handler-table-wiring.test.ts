import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TableDefinition } from '../../lambdas/contracts/table-definition.js';
import { ALL_TABLES } from '../../lambdas/contracts/tables/all-tables.js';
import { projectPath } from '../../lib/constructs/project-paths.js';
import { CATALOG_AGENTS } from './support/catalog-agents.js';

/**
 * A handler that reads a table the catalog does not give it fails at cold start on AWS (its table-name
 * variable is unset) — and no synth or unit test with every variable set would notice. This reads each
 * handler's source for the table contracts it uses and checks the catalog grants each one.
 */
const tablesDir = projectPath('lambdas/contracts/tables');
const tableByConstant = new Map<string, TableDefinition>();
for (const file of readdirSync(tablesDir).filter((name) => name.endsWith('-table.ts'))) {
  const module = (await import(`${tablesDir}/${file}`)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(module)) {
    const table = ALL_TABLES.find((candidate) => candidate === value);
    if (table !== undefined) tableByConstant.set(name, table);
  }
}

/** The table contracts a handler file (and the shared wiring it calls) names. */
function tablesUsedBy(entry: string): TableDefinition[] {
  let source = readFileSync(projectPath(entry), 'utf8');
  if (source.includes('agentFunctionWiring(')) {
    source += readFileSync(projectPath('lambdas/runtime/lambda/agent-function-wiring.ts'), 'utf8');
  }
  // Code only: doc comments name tables in their examples.
  source = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const used = new Set<TableDefinition>();
  for (const [constant, table] of tableByConstant) {
    if (new RegExp(`\\b${constant}\\b`).test(source)) used.add(table);
  }
  return [...used];
}

describe('handler table wiring', () => {
  it('knows every table contract', () => {
    expect(tableByConstant.size).toBe(ALL_TABLES.length);
  });

  for (const entry of CATALOG_AGENTS) {
    it(`${entry.id}: the catalog grants every table its handler uses`, () => {
      const granted = new Set(entry.tables.map((access) => access.table.envVar));
      const used = tablesUsedBy(entry.entry).map((table) => table.envVar);
      // A function granted tables uses some (the scan found them); one granted none (the outbox) uses none.
      expect(used.length > 0).toBe(entry.tables.length > 0);
      expect(used.filter((envVar) => !granted.has(envVar))).toEqual([]);
    });
  }
});
